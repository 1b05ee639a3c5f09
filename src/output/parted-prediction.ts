import os from 'node:os';
import { distinctFaces } from '../layout/edition-fonts.js';
import type { DocumentParts } from './html-parts.js';
import type { OpenLaidOutPage } from './laid-out-page.js';
import { predictPagesInPage, type PredictedPages, type PredictPagesOptions } from './page-prediction.js';

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
/** Ends every part but the last: it starts a column as the next chapter would, so its column is that chapter's. */
const PART_END = 'pp-part-end';

/** How many parts to predict and print a document of `chars` characters of HTML in: 1 (one page) for a short book. */
export function predictionParts(chars: number): number {
  return Math.max(1, Math.min(os.availableParallelism(), MAX_PARTS, Math.floor(chars / MIN_PART_CHARS)));
}

/**
 * The prediction of a book in `parts` pages laid out at once, each holding a run of whole chapters:
 * Chromium's multi-column layout of one body grows faster than its length (1,000 A5 pages: 8.9 s in
 * one page, 4.0 s in two at once on 2 cores, the same pages). Every chapter starts with a forced
 * break, so a chapter's pages do not depend on what precedes it: a part's pages are offset by the
 * pages before it, read where the next chapter would start. The first part is the whole document,
 * laid out only up to the second part's first chapter (kept empty, for where it starts), and stays
 * open, so that the print patches it as it would a whole prediction (src/output/patched-print.ts);
 * the others are their own documents, ended by an empty forced break, and stay open too: a long
 * book is printed in the same parts (src/output/parted-print.ts). Parts are cut only before the
 * body child holding one of `chapters` (by default every anchor asked for).
 */
export async function predictPagesInParts(options: Omit<PredictPagesOptions, 'html'>, document: DocumentParts, parts: number, chapters: readonly string[] = options.ids): Promise<PartedPrediction> {
  const runs = chapterRuns(document, chapters, parts);
  if (!runs) return { ...(await predictPagesInPage({ ...options, html: document.html })), loads: 1, parts: [] };
  const { head, tail } = shell(document);
  const [firstRun = [], ...otherRuns] = runs;
  const firstChapterOf = (run: readonly string[]) => chapters.find((id) => run[0]?.includes(`id="${id}"`)) ?? '';
  const opening = predictPagesInPage({ ...options, html: document.html, partEnd: firstRun.length }).then((page): PartPage<PredictedPages> => ({ page, loaded: document, firstChapter: firstChapterOf(firstRun) }));
  const others = otherRuns.map(async (run, n): Promise<PartPage<PredictedPages>> => {
    const last = n === otherRuns.length - 1;
    const body = [...run, ...(last ? [] : [`<div id="${PART_END}" style="break-before: column !important"></div>`])];
    const html = `${head}${body.join('')}${tail}`;
    const page = await predictPagesInPage({ ...options, name: `${options.name}-part${n + 2}`, html, ids: last ? options.ids : [...options.ids, PART_END] });
    return { page, loaded: { html, head: document.head, body }, firstChapter: firstChapterOf(run) };
  });
  const settled = await Promise.allSettled([opening, ...others]);
  const laidOut = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await closeParts(laidOut);
    throw failed.reason;
  }
  const pages = new Map<string, number>();
  // The pages before the part at hand.
  let offset = 0;
  for (const [n, { page: part }] of laidOut.entries()) {
    for (const [id, page] of part.value.pages) if (id !== PART_END) pages.set(id, offset + page);
    if (n === laidOut.length - 1) {
      const [whole, ...rest] = laidOut as [PartPage<PredictedPages>, ...PartPage<PredictedPages>[]];
      return { ...whole.page, value: { pages, pageCount: offset + part.value.pageCount, faces: distinctFaces(laidOut.flatMap((p) => p.page.value.faces)) }, loads: laidOut.length, parts: rest };
    }
    const next = n === 0 ? part.value.partEnd : part.value.pages.get(PART_END);
    if (next === undefined) break;
    offset += next - 1;
  }
  await closeParts(laidOut);
  throw new Error(`A part of the prediction of ${options.name} did not say where the next one starts`);
}

/** Closes the pages of a prediction's parts, whatever state they are in. */
export async function closeParts(parts: readonly { page?: OpenLaidOutPage<unknown> | undefined }[]): Promise<void> {
  await Promise.all(parts.map(({ page }) => page?.page.close().catch(() => undefined)));
}

/**
 * The first part's page, open for the print, with the prediction of the whole book; `loads`: the
 * parts laid out; `parts`: the pages of the other parts, open too, for a print in parts
 * (src/output/parted-print.ts). Closing every page is the caller's.
 */
export interface PartedPrediction extends OpenLaidOutPage<PredictedPages> {
  loads: number;
  parts: PartPage[];
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

/** The document around its body children: up to and with `<body …>`, and from `</body>` on. */
export function shell(document: DocumentParts): { head: string; tail: string } {
  const children = (document.body ?? []).join('');
  const close = document.html.lastIndexOf('</body>');
  return { head: document.html.slice(0, close - children.length), tail: document.html.slice(close) };
}
