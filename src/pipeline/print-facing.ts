import { toHtml } from 'hast-util-to-html';
import { PDFDocument } from 'pdf-lib';
import { chapterAnchor } from '../layout/chapter-parts.js';
import { facingDocument, facingItems, facingSide, pageBoxAnchor, textArea } from '../layout/facing.js';
import { contentsChapters } from '../layout/front-matter.js';
import { repairSpreads, type SpreadGroup } from '../layout/spreads.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_LOAD, PDF_SAVE } from '../output/pdf-metadata.js';
import { measureHeights } from '../output/measure.js';
import { closeParts, predictionParts, predictPagesInParts } from '../output/parted-prediction.js';
import { serializeDocument } from '../output/html-parts.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import { sameFaces, type EmbeddedFace } from '../layout/edition-fonts.js';
import type { RenderContext } from '../layout/blocks.js';
import { printFacingSides } from './print-facing-sides.js';
import { pdfMetadata } from './pdf-metadata.js';
import { FILL, packChapters, SIDES } from './facing-plan.js';
import { printPass, type PredictionPage } from './print-pass.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';
import { unsettledPrint } from './unsettled.js';

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
  const { edition } = options;
  // The colophon names the faces the book embeds, predicted with the pages and checked against the
  // print: one context whose faces change, since the items render through the context they were made with.
  const context: RenderContext = { ...options.context, fonts: options.context.fonts ?? [] };
  let faces: readonly EmbeddedFace[] = context.fonts ?? [];
  const timings = { layout: 0, measure: 0, predict: 0, predictions: 0, loads: 0, print: [] as number[], postProcess: 0 };
  const measureStarted = performance.now();
  const blocked = new Set<string>();
  const items = facingItems(context);
  // Chromium opens the measuring pages while Node lays the sides out, and the prediction's while it measures.
  options.browser.warm(SIDES.length);
  // Each side is measured as soon as it is written: Chromium lays the verso out while Node writes the recto.
  let sidesLength = 0;
  const measuring: Promise<Map<string, number>>[] = [];
  for (const side of SIDES) {
    const html = toHtml(facingSide({ edition, context, templatesDir: options.templatesDir, side, items }));
    sidesLength += html.length;
    let loading = (): void => undefined;
    const loadingStarted = new Promise<void>((resolve) => (loading = resolve));
    const heights = measureHeights({ ...options, html, name: `${edition.id}-${side}`, ids: items.map((i) => i.id), onLoading: loading });
    measuring.push(heights);
    // Once the load is asked for (and its message on its way to Chromium), Node goes on. A side that
    // fails is reported by Promise.all below, whichever fails first; here it only ends the wait.
    await Promise.race([loadingStarted, heights.catch(() => undefined)]);
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The book holds both sides: about as long as they are together.
  options.browser.warm(options.parts ?? predictionParts(sidesLength));
  const [verso, recto] = await Promise.all(measuring);
  timings.measure = performance.now() - measureStarted;
  const pageHeight = (textArea(edition).heightMm * 96 * FILL) / 25.4;
  // A unit taller than a page has to run over several spreads on both sides, which page boxes of one
  // document cannot do: such a book is printed side by side and interleaved, untagged, as before.
  if (items.some((i) => (verso?.get(i.id) ?? 0) > pageHeight || (recto?.get(i.id) ?? 0) > pageHeight)) return printFacingSidesWithFaces(options);
  let spreads: readonly SpreadGroup[] = packChapters(items, verso ?? new Map(), recto ?? new Map(), pageHeight);
  const chapters = contentsChapters(context.book.chapters);
  let pages = new Map<string, number>();
  let blankAfterFront = false;
  let repairs = 0;
  let predictedSettled = false;
  const oversize = new Set<number>();
  // The page the last prediction laid out, and the document it holds: the print patches it.
  let lastPrediction: PredictionPage | undefined;
  try {
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      let started = performance.now();
      const parts = serializeDocument(facingDocument({ edition, context, templatesDir: options.templatesDir, items, spreads, pages, blankAfterFront }));
      const html = parts.html;
      timings.layout += performance.now() - started;
      // Until a layout settles, its pages are predicted (src/output/page-prediction.ts); then printed, and the print checked.
      const predicting = !predictedSettled && timings.print.length === 0 && pass < MAX_PASSES;
      let landed: Map<string, number>;
      let document: PDFDocument | undefined;
      let found: readonly EmbeddedFace[];
      started = performance.now();
      if (predicting) {
        // Only the last prediction's pages are printed from: an earlier one's are closed.
        await closePrediction(lastPrediction);
        // A long book is laid out in parts at once, cut before chapters, and printed in the same parts.
        const anchors = chapters.map(chapterAnchor);
        const ids = [...anchors, ...spreads.flatMap((_, n) => SIDES.flatMap((side) => [pageBoxAnchor(n, side), `${pageBoxAnchor(n, side)}-end`]))];
        const page = await predictPagesInParts({ ...options, name: edition.id, textArea: textArea(edition), ids }, parts, options.parts ?? predictionParts(html.length), anchors);
        lastPrediction = { page, loaded: parts, ...(page.parts.length > 0 ? { parts: { others: page.parts, pages: new Map() } } : {}) };
        timings.predict += performance.now() - started;
        timings.predictions += 1;
        timings.loads += page.loads;
        landed = page.value.pages;
        found = page.value.faces;
      } else {
        // A book predicted in parts is printed in them: each after the pages the plan puts before it.
        const from = lastPrediction?.parts ? { ...lastPrediction, parts: { ...lastPrediction.parts, pages } } : lastPrediction;
        lastPrediction = undefined;
        document = await printPass(options, parts, { timings, blocked }, from);
        started = performance.now();
        landed = anchorPages(document);
        found = pdfFaces(document);
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
      let predictedPages = next;
      if (firstVerso !== undefined && firstVerso % 2 === 1) {
        blankAfterFront = !blankAfterFront;
        if (document) {
          pages = next;
          continue;
        }
        // The blank page after the front matter moves every spread by one page and changes nothing
        // else: the prediction holds, shifted, without laying the book out again.
        const shift = blankAfterFront ? 1 : -1;
        predictedPages = new Map([...next].map(([id, page]) => [id, page + shift]));
      }
      if (!document) {
        // No spread runs over and the first opens on a verso: print, with the contents and the faces the prediction gives.
        predictedSettled = true;
        faces = found;
        context.fonts = faces;
        pages = predictedPages;
        continue;
      }
      // Settled when the contents named the pages and the colophon the faces this very PDF has; else
      // one more print with both (a misprediction).
      const facesHold = sameFaces(faces, found);
      faces = found;
      context.fonts = faces;
      if (facesHold && chapters.every((c) => pages.get(chapterAnchor(c)) === next.get(chapterAnchor(c)))) {
        started = performance.now();
        applyPdfMetadata(document, pdfMetadata(context.book, edition, context.date));
        const pdf = await document.save(PDF_SAVE);
        await writeOutput(options.outPath, pdf);
        timings.postProcess += performance.now() - started;
        return { pdf, bytes: pdf.byteLength, pages: document.getPageCount(), blocked: [...blocked], pagination: { pages: landed, blankBefore: new Set(), faces }, html, timings, repairs, mispredictions: timings.print.length - 1 };
      }
      pages = next;
    }
  } finally {
    await closePrediction(lastPrediction);
  }
  throw unsettledPrint(edition.id, 'the spreads', MAX_PASSES);
}

/** Closes the pages a prediction left open, its parts' with them. */
async function closePrediction(prediction: PredictionPage | undefined): Promise<void> {
  await Promise.all([prediction?.page.page.close().catch(() => undefined), closeParts(prediction?.parts?.others ?? [])]);
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

/**
 * The side-by-side print (a unit taller than a page) prints its sides and front matter apart and assembles them, so the faces are
 * known only from the assembled book: it is printed again when the colophon named others.
 */
async function printFacingSidesWithFaces(options: PrintEditionOptions): Promise<PrintedEdition> {
  let faces = options.previous?.faces ?? [];
  for (let attempt = 1; attempt <= MAX_PASSES; attempt++) {
    const printed = await printFacingSides({ ...options, context: { ...options.context, fonts: faces } });
    const found = pdfFaces(await PDFDocument.load(printed.pdf, PDF_LOAD));
    // The sides named what they embed; the front matter, printed apart, could add a face.
    if (sameFaces(printed.pagination.faces, found)) return { ...printed, pagination: { ...printed.pagination, faces: found } };
    faces = found;
  }
  throw unsettledPrint(options.edition.id, 'the embedded fonts', MAX_PASSES);
}
