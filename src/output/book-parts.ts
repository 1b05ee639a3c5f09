import os from 'node:os';
import type { DocumentParts } from './html-parts.js';
import type { OpenLaidOutPage } from './laid-out-page.js';

/**
 * A long book is laid out and printed in parts at once, each a run of whole chapters in a page of
 * its own (Chromium lays out and prints a page on one core): how many parts, where they are cut,
 * and what each part's page holds. The prediction (src/output/parted-prediction.ts), the facing
 * measure (src/output/parted-measure.ts) and the print (src/output/parted-print.ts) share them.
 */

/**
 * HTML per part (about 145 trilingual A5 pages; the 300-page bench book is 525,000 characters): a
 * shorter book is predicted and printed in one page, since every part loads the document's style
 * sheets and fonts again, and the first part parses the whole body. The book is printed in the parts
 * it was predicted in (src/output/parted-print.ts), so parts pay twice. Measured on 2 cores, one
 * part against two: 137 pages 1.5–1.7 s against 1.4–1.5 s; 272 pages 2.6 s against 2.2 s;
 * 876 pages 8.2 s against 5.7 s.
 */
const MIN_PART_CHARS = 250_000;
/** More parts than this ran no faster on 2 to 4 cores (measured: 2 and 4 parts alike, 8 slower). */
const MAX_PARTS = 4;
/** How many parts to lay out and print a document of `chars` characters of HTML in, `perPart` each at least: 1 (one page) for a short book. */
export function partCount(chars: number, perPart: number = MIN_PART_CHARS): number {
  return Math.max(1, Math.min(os.availableParallelism(), MAX_PARTS, Math.floor(chars / perPart)));
}

/**
 * HTML per part of a facing edition, measured in the parts it is printed in: its parts lay out less
 * than a flow edition's (no prediction of the whole book), so they pay off sooner. Measured on 2
 * cores, 175 pages (a measure document of 381,000 characters), six runs each: two parts 1.18–1.52×
 * raw, one part 1.28–1.71×.
 */
export const FACING_PART_CHARS = 180_000;

/** Closes the pages of a book's parts, whatever state they are in. */
export async function closeParts(parts: readonly { page?: OpenLaidOutPage<unknown> | undefined }[]): Promise<void> {
  await Promise.all(parts.map(({ page }) => page?.page.close().catch(() => undefined)));
}

/** A part after the first: its open page, the document it holds, and the chapter it starts with. */
export interface PartPage<T = unknown> {
  page: OpenLaidOutPage<T>;
  /** Its body: the run of chapters, then (but the last part) the empty forced break that ends it. */
  loaded: DocumentParts;
  /** The anchor of the chapter the part starts with. */
  firstChapter: string;
}

/**
 * The body children in `parts` runs of about equal length, each cut just before a child that holds
 * a chapter's anchor (a chapter's section, which starts with a forced break): for each share, the
 * chapter start nearest its end, as long as enough starts remain for the shares after it (fewer
 * runs only when the book has fewer chapters); undefined when the body has no such place.
 */
export function chapterRuns(document: DocumentParts, ids: readonly string[], parts: number): string[][] | undefined {
  const body = document.body;
  if (!body || parts < 2) return undefined;
  // The length of the body before each child.
  const before: number[] = [];
  let length = 0;
  for (const child of body) {
    before.push(length);
    length += child.length;
  }
  const starts = body.flatMap((child, index) => (index > 0 && ids.some((id) => child.includes(`id="${id}"`)) ? [index] : []));
  const cuts: number[] = [];
  for (let share = 1; share < parts; share++) {
    const target = (length * share) / parts;
    const open = starts.filter((index, n) => index > (cuts.at(-1) ?? 0) && starts.length - n >= parts - share);
    const nearest = open.reduce<number | undefined>((best, index) => (best === undefined || Math.abs((before[index] ?? 0) - target) < Math.abs((before[best] ?? 0) - target) ? index : best), undefined);
    if (nearest !== undefined) cuts.push(nearest);
  }
  if (cuts.length === 0) return undefined;
  return [0, ...cuts].map((from, n) => body.slice(from, cuts[n] ?? body.length));
}

/**
 * Every part's page, opened at once: when one fails, those that opened are closed and its error
 * thrown, so that no page of a failed stage stays open.
 */
export async function openAllParts<T extends { page: OpenLaidOutPage<unknown> }>(opening: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(opening);
  const opened = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await closeParts(opened);
    throw failed.reason;
  }
  return opened;
}

/** The anchor, among `chapters`, of the chapter a run of body children starts with ('' for none). */
export function firstChapterOf(run: readonly string[], chapters: readonly string[]): string {
  return chapters.find((id) => run[0]?.includes(`id="${id}"`)) ?? '';
}

/** A part's own document: `body` in the shell (head, `<body …>`, closing) of `document`. */
export function partDocument(document: DocumentParts, body: readonly string[]): DocumentParts {
  const { head, tail } = shell(document);
  return { html: `${head}${body.join('')}${tail}`, head: document.head, body: [...body] };
}

/** The style sheet that hides a body from its `from`-th child (from 0) on: the parts after the first, in the first part's page. */
export function hideFrom(from: number): string {
  return `body > :nth-child(n + ${from + 1}) { display: none !important; }`;
}

/** The document around its body children: up to and with `<body …>`, and from `</body>` on. */
export function shell(document: DocumentParts): { head: string; tail: string } {
  const children = (document.body ?? []).join('');
  const close = document.html.lastIndexOf('</body>');
  return { head: document.html.slice(0, close - children.length), tail: document.html.slice(close) };
}
