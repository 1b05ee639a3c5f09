import os from 'node:os';
import { distinctFaces } from '../layout/edition-fonts.js';
import type { DocumentParts } from './html-parts.js';
import type { OpenLaidOutPage } from './laid-out-page.js';
import { predictPages, predictPagesInPage, type PredictedPages, type PredictPagesOptions } from './page-prediction.js';

/**
 * HTML per part (about 230 trilingual A5 pages; the 300-page bench book is 525,000 characters): a
 * shorter book is predicted in one page, since every part loads the document's style sheets and
 * fonts again, and the first part parses the whole body; at 1,000 pages parts were worth it (the
 * prediction 6.0 s in one page, 3.6 s in two).
 */
const MIN_PART_CHARS = 400_000;
/** More parts than this ran no faster on 2 to 4 cores (measured: 2 and 4 parts alike, 8 slower). */
const MAX_PARTS = 4;
/** Ends every part but the last: it starts a column as the next chapter would, so its column is that chapter's. */
const PART_END = 'pp-part-end';

/** How many parts to predict a document of `html` in: 1 (one page) for a short book. */
export function predictionParts(html: string): number {
  return Math.max(1, Math.min(os.availableParallelism(), MAX_PARTS, Math.floor(html.length / MIN_PART_CHARS)));
}

/**
 * The prediction of a book in `parts` pages laid out at once, each holding a run of whole chapters:
 * Chromium's multi-column layout of one body grows faster than its length (1,000 A5 pages: 8.9 s in
 * one page, 4.0 s in two at once on 2 cores, the same pages). Every chapter starts with a forced
 * break, so a chapter's pages do not depend on what precedes it: a part's pages are offset by the
 * pages before it, read where the next chapter would start. The first part is the whole document,
 * laid out only up to the second part's first chapter (kept empty, for where it starts), and stays
 * open, so that the print patches it as it would a whole prediction (src/output/patched-print.ts);
 * the others are their own documents, ended by an empty forced break, and closed.
 */
export async function predictPagesInParts(options: Omit<PredictPagesOptions, 'html'>, document: DocumentParts, parts: number): Promise<PartedPrediction> {
  const runs = chapterRuns(document, options.ids, parts);
  if (!runs) return { ...(await predictPagesInPage({ ...options, html: document.html })), loads: 1 };
  const { head, tail } = shell(document);
  const [firstRun = [], ...otherRuns] = runs;
  const opening = predictPagesInPage({ ...options, html: document.html, partEnd: firstRun.length });
  const others = Promise.all(
    otherRuns.map((run, n) => {
      const last = n === otherRuns.length - 1;
      const end = last ? '' : `<div id="${PART_END}" style="break-before: column !important"></div>`;
      return predictPages({ ...options, name: `${options.name}-part${n + 2}`, html: `${head}${run.join('')}${end}${tail}`, ids: last ? options.ids : [...options.ids, PART_END] });
    }),
  );
  const [first, rest] = await Promise.allSettled([opening, others]);
  if (first.status === 'rejected' || rest.status === 'rejected') {
    if (first.status === 'fulfilled') await first.value.page.close().catch(() => undefined);
    throw first.status === 'rejected' ? first.reason : (rest as PromiseRejectedResult).reason;
  }
  const open = first.value;
  const all = [open.value, ...rest.value];
  const pages = new Map<string, number>();
  // The pages before the part at hand.
  let offset = 0;
  for (const [n, part] of all.entries()) {
    for (const [id, page] of part.pages) if (id !== PART_END) pages.set(id, offset + page);
    if (n === all.length - 1) return { ...open, value: { pages, pageCount: offset + part.pageCount, faces: distinctFaces(all.flatMap((p) => p.faces)) }, loads: all.length };
    const next = n === 0 ? part.partEnd : part.pages.get(PART_END);
    if (next === undefined) break;
    offset += next - 1;
  }
  await open.page.close().catch(() => undefined);
  throw new Error(`A part of the prediction of ${options.name} did not say where the next one starts`);
}

/** The first part's page, open for the print, with the prediction of the whole book; `loads`: the parts laid out. */
export interface PartedPrediction extends OpenLaidOutPage<PredictedPages> {
  loads: number;
}

/**
 * The body children in `parts` runs of about equal length, each cut just before a child that holds
 * a chapter's anchor (a chapter's section, which starts with a forced break); undefined when the body
 * has fewer than two such places.
 */
function chapterRuns(document: DocumentParts, ids: readonly string[], parts: number): string[][] | undefined {
  const body = document.body;
  if (!body || parts < 2) return undefined;
  const starts = body.flatMap((child, index) => (index > 0 && ids.some((id) => child.includes(`id="${id}"`)) ? [index] : []));
  const total = body.reduce((sum, child) => sum + child.length, 0);
  const cuts: number[] = [];
  let length = 0;
  for (const [index, child] of body.entries()) {
    // Cut at the first chapter start past each equal share.
    if (starts.includes(index) && length >= (total * (cuts.length + 1)) / parts && cuts.length < parts - 1) cuts.push(index);
    length += child.length;
  }
  if (cuts.length === 0) return undefined;
  return [0, ...cuts].map((from, n) => body.slice(from, cuts[n] ?? body.length));
}

/** The document around its body children: up to and with `<body …>`, and from `</body>` on. */
function shell(document: DocumentParts): { head: string; tail: string } {
  const children = (document.body ?? []).join('');
  const close = document.html.lastIndexOf('</body>');
  return { head: document.html.slice(0, close - children.length), tail: document.html.slice(close) };
}
