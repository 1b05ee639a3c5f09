import { toHtml } from 'hast-util-to-html';
import { PDFDocument } from 'pdf-lib';
import { chapterAnchor } from '../layout/chapter-parts.js';
import { facingDocument, facingItems, facingSide, pageBoxAnchor, textArea, type FacingItem, type Side } from '../layout/facing.js';
import { contentsChapters } from '../layout/front-matter.js';
import { packSpreads, repairSpreads, type SpreadGroup } from '../layout/spreads.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_LOAD, PDF_SAVE } from '../output/pdf-metadata.js';
import { measureHeights } from '../output/measure.js';
import { printHtml } from '../output/pdf.js';
import { predictPages } from '../output/page-prediction.js';
import { printFacingSides } from './print-facing-sides.js';
import { pdfMetadata } from './pdf-metadata.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';

const SIDES: readonly Side[] = ['verso', 'recto'];
/** Measured heights are screen layout; leave a little room for what pagination adds (rounding, widows). */
const FILL = 0.97;
/** Passes of the whole document, predicted or printed: overflow repairs, the blank page before the first spread, the contents. */
const MAX_PASSES = 12;

/**
 * A facing edition, printed as one tagged Chromium document: the units of every spread are packed
 * from their heights measured in Chromium on each side, then the book is laid out as the front
 * matter followed by verso page, recto page, verso page… (src/layout/facing.ts). Each pass reads
 * back where every page box started and ended: a box that ran onto a second page overflowed its
 * plan, and its last unit moves to the next spread (a repair, counted in the manifest); the
 * contents take the pages the chapters landed on. Passes are predicted by layout alone
 * (src/output/page-prediction.ts) until no spread overflows; then the book is printed once and the
 * print checked the same way: another print is a misprediction. pdf-lib only writes the metadata.
 */
export async function printFacing(options: PrintEditionOptions): Promise<PrintedEdition> {
  const { edition, context } = options;
  const timings = { layout: 0, measure: 0, predict: 0, predictions: 0, print: [] as number[], postProcess: 0 };
  const measuring = performance.now();
  const blocked = new Set<string>();
  const items = facingItems(context);
  const [verso, recto] = await Promise.all(
    SIDES.map((side) => {
      const html = toHtml(facingSide({ edition, context, templatesDir: options.templatesDir, side, items }));
      return measureHeights({ ...options, html, name: `${edition.id}-${side}`, ids: items.map((i) => i.id) });
    }),
  );
  timings.measure = performance.now() - measuring;
  const pageHeight = (textArea(edition).heightMm * 96 * FILL) / 25.4;
  // A unit taller than a page has to run over several spreads on both sides, which page boxes of one
  // document cannot do: such a book is printed side by side and interleaved, untagged, as before.
  if (items.some((i) => (verso?.get(i.id) ?? 0) > pageHeight || (recto?.get(i.id) ?? 0) > pageHeight)) return printFacingSides(options);
  let spreads: readonly SpreadGroup[] = packChapters(items, verso ?? new Map(), recto ?? new Map(), pageHeight);
  const chapters = contentsChapters(context.book.chapters);
  let pages = new Map<string, number>();
  let blankAfterFront = false;
  let repairs = 0;
  let prints = 0;
  let predictedSettled = false;
  const oversize = new Set<number>();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    let started = performance.now();
    const html = toHtml(facingDocument({ edition, context, templatesDir: options.templatesDir, items, spreads, pages, blankAfterFront }));
    timings.layout += performance.now() - started;
    // Until a layout settles, its pages are predicted (src/output/page-prediction.ts); then printed, and the print checked.
    const predicting = !predictedSettled && prints === 0 && pass < MAX_PASSES;
    let landed: Map<string, number>;
    let document: PDFDocument | undefined;
    started = performance.now();
    if (predicting) {
      const predicted = await predictPages({ ...options, html, name: edition.id, textArea: textArea(edition), ids: [...chapters.map(chapterAnchor), ...spreads.flatMap((_, n) => SIDES.flatMap((side) => [pageBoxAnchor(n, side), `${pageBoxAnchor(n, side)}-end`]))] });
      timings.predict += performance.now() - started;
      timings.predictions += 1;
      landed = predicted.pages;
    } else {
      const printed = await printHtml({ ...options, html, editionId: edition.id, final: true });
      timings.print.push(performance.now() - started);
      prints += 1;
      printed.blocked.forEach((url) => blocked.add(url));
      started = performance.now();
      document = await PDFDocument.load(printed.pdf, PDF_LOAD);
      landed = anchorPages(document);
      timings.postProcess += performance.now() - started;
    }
    const overflowing = overflowingSpreads(spreads, landed).filter((n) => !oversize.has(n));
    const firstVerso = landed.get(pageBoxAnchor(0, 'verso'));
    const next = new Map(chapters.map((c) => [chapterAnchor(c), landed.get(chapterAnchor(c)) ?? 0]));
    if (overflowing.length > 0) {
      const repaired = repairSpreads(spreads, overflowing, items);
      // A spread of one unit taller than a page cannot be repaired by moving units: it is left to run on.
      repaired.unmovable.forEach((n) => oversize.add(n));
      if (repaired.spreads !== spreads) {
        spreads = repaired.spreads;
        repairs += overflowing.length - repaired.unmovable.length;
        pages = next;
        continue;
      }
    }
    if (firstVerso !== undefined && firstVerso % 2 === 1) {
      blankAfterFront = !blankAfterFront;
      pages = next;
      continue;
    }
    if (!document) {
      // No spread runs over and the first opens on a verso: print, with the contents the prediction gives.
      predictedSettled = true;
      pages = next;
      continue;
    }
    if (chapters.every((c) => pages.get(chapterAnchor(c)) === next.get(chapterAnchor(c)))) {
      started = performance.now();
      applyPdfMetadata(document, pdfMetadata(context.book, edition, context.date));
      const pdf = await document.save(PDF_SAVE);
      await writeOutput(options.outPath, pdf);
      timings.postProcess += performance.now() - started;
      return { pdf, bytes: pdf.byteLength, pages: document.getPageCount(), blocked: [...blocked], pagination: { pages: landed, blankBefore: new Set() }, html, timings, repairs, mispredictions: prints - 1 };
    }
    pages = next;
  }
  throw new Error(`The spreads of edition ${edition.id} did not settle after ${MAX_PASSES} passes`);
}

/** Spreads never cross chapters: each chapter opens a spread. */
function packChapters(items: readonly FacingItem[], verso: ReadonlyMap<string, number>, recto: ReadonlyMap<string, number>, pageHeight: number): SpreadGroup[] {
  const chapters = [...new Set(items.map((i) => i.chapter))];
  return chapters.flatMap((chapter) =>
    packSpreads(
      items.filter((i) => i.chapter === chapter).map((i) => ({ id: i.id, verso: verso.get(i.id) ?? 0, recto: recto.get(i.id) ?? 0, keepWithNext: i.keepWithNext })),
      pageHeight,
    ),
  );
}

/** Spreads one of whose page boxes ended on a later page than it started: that side ran over. */
function overflowingSpreads(spreads: readonly SpreadGroup[], landed: ReadonlyMap<string, number>): number[] {
  return spreads.flatMap((_, n) =>
    SIDES.some((side) => {
      const start = landed.get(pageBoxAnchor(n, side));
      const end = landed.get(`${pageBoxAnchor(n, side)}-end`);
      return start !== undefined && end !== undefined && end !== start;
    })
      ? [n]
      : [],
  );
}

