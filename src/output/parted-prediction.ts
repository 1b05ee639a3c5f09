import { distinctFaces } from '../layout/edition-fonts.js';
import type { DocumentParts } from './html-parts.js';
import type { OpenLaidOutPage } from './laid-out-page.js';
import { chapterRuns, closeParts, firstChapterOf, openAllParts, partDocument, type PartPage } from './book-parts.js';
import { predictPagesInPage, type PredictedPages, type PredictPagesOptions } from './page-prediction.js';

/** Ends every part but the last: it starts a column as the next chapter would, so its column is that chapter's. */
const PART_END = 'pp-part-end';

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
  const [firstRun = [], ...otherRuns] = runs;
  const opening = predictPagesInPage({ ...options, html: document.html, partEnd: firstRun.length }).then((page): PartPage<PredictedPages> => ({ page, loaded: document, firstChapter: firstChapterOf(firstRun, chapters) }));
  const others = otherRuns.map(async (run, n): Promise<PartPage<PredictedPages>> => {
    const last = n === otherRuns.length - 1;
    const loaded = partDocument(document, [...run, ...(last ? [] : [`<div id="${PART_END}" style="break-before: column !important"></div>`])]);
    const page = await predictPagesInPage({ ...options, name: `${options.name}-part${n + 2}`, html: loaded.html, ids: last ? options.ids : [...options.ids, PART_END] });
    return { page, loaded, firstChapter: firstChapterOf(run, chapters) };
  });
  const laidOut = await openAllParts([opening, ...others]);
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

/**
 * The first part's page, open for the print, with the prediction of the whole book; `loads`: the
 * parts laid out; `parts`: the pages of the other parts, open too, for a print in parts
 * (src/output/parted-print.ts). Closing every page is the caller's.
 */
export interface PartedPrediction extends OpenLaidOutPage<PredictedPages> {
  loads: number;
  parts: PartPage[];
}
