import { PDFDocument } from 'pdf-lib';
import { chapterAnchor } from '../layout/chapter-parts.js';
import { facingItems, facingMeasureDocument, FIRST_SPREAD, pageBoxAnchor, sideId, textArea, type FacingItem, type Side } from '../layout/facing.js';
import { contentsChapters } from '../layout/front-matter.js';
import { repairSpreads, type SpreadGroup } from '../layout/spreads.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_LOAD, PDF_SAVE } from '../output/pdf-metadata.js';
import { measureInParts, type MeasuredParts } from '../output/parted-measure.js';
import { columnCss } from '../output/page-prediction.js';
import { closeParts, FACING_PART_CHARS, partCount } from '../output/book-parts.js';
import { facingDocumentParts, serializeMeasureDocument, type MeasuredDocument } from '../output/facing-parts.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import { sameFaces, type EmbeddedFace } from '../layout/edition-fonts.js';
import type { RenderContext } from '../layout/blocks.js';
import { printFacingSides } from './print-facing-sides.js';
import { pdfMetadata } from './pdf-metadata.js';
import { FILL, packChapters, SIDES } from './facing-plan.js';
import { printPass, type PredictionPage } from './print-pass.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';
import { unsettledPrint } from './unsettled.js';

/** Prints of the whole document: overflow repairs, the blank page before the first spread, the contents. */
const MAX_PASSES = 12;

/**
 * A facing edition, printed as one tagged Chromium document: the front matter followed by verso
 * page, recto page, verso page… (src/layout/facing.ts). The book is loaded once, before its spreads
 * are known: every chapter's units in each language as long columns of the text width
 * (facingMeasureDocument), in as many pages as it will be printed in (src/output/parted-measure.ts).
 * Their heights give the spreads (packed to fill a page less a margin for what pagination adds);
 * the front matter, then laid out in pages in the first part's page with the units hidden, gives
 * the page the first spread opens on, so the page of every spread follows: two a spread. The
 * measured pages are then patched into the book and printed, and the print checked: a page box that
 * ran onto a second page overflowed its plan, and its last unit moves to the next spread (a repair,
 * counted in the manifest); the contents must name the pages the chapters landed on, the colophon
 * the faces the PDF embeds. Another print is a misprediction. pdf-lib only writes the metadata.
 */
export async function printFacing(options: PrintEditionOptions): Promise<PrintedEdition> {
  const { edition, templatesDir } = options;
  // The colophon names the faces the book embeds, measured with the units and checked against the
  // print: one context whose faces change, since the items render through the context they were made with.
  const context: RenderContext = { ...options.context, fonts: options.context.fonts ?? [] };
  const timings = { layout: 0, measure: 0, predict: 0, predictions: 0, loads: 0, print: [] as number[], postProcess: 0 };
  const blocked = new Set<string>();
  const items = facingItems(context);
  const anchors = contentsChapters(context.book.chapters).map(chapterAnchor);
  const { measureDocument, measured } = await measureFacing(options, context, items, anchors, timings);
  const heights = (side: Side) => new Map(items.map((i) => [i.id, measured.heights.get(sideId(i.id, side)) ?? 0]));
  const [verso, recto] = [heights('verso'), heights('recto')];
  const pageHeight = (textArea(edition).heightMm * 96 * FILL) / 25.4;
  // A unit taller than a page has to run over several spreads on both sides, which page boxes of one
  // document cannot do: such a book is printed side by side and interleaved, untagged, as before.
  if (items.some((i) => (verso.get(i.id) ?? 0) > pageHeight || (recto.get(i.id) ?? 0) > pageHeight)) {
    await closeMeasured(measured);
    return printFacingSidesWithFaces(options);
  }
  let spreads: readonly SpreadGroup[] = packChapters(items, verso, recto, pageHeight);
  // The first spread opens on a verso, an even page: after a blank page when the front matter ends on one.
  const afterFront = measured.frontPage ?? 2;
  let blankAfterFront = spreads.length > 0 && afterFront % 2 === 1;
  let pages = spreadPages(spreads, afterFront + (blankAfterFront ? 1 : 0));
  let faces: readonly EmbeddedFace[] = measured.faces;
  context.fonts = faces;
  let repairs = 0;
  const oversize = new Set<number>();
  // The measured pages, printed from by the first print only, with the plan's pages (where each part starts).
  let fromMeasure: PredictionPage | undefined = { page: measured.first, loaded: measureDocument.document, ...(measured.others.length > 0 ? { parts: { others: measured.others, pages } } : {}) };
  try {
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      let started = performance.now();
      const parts = facingDocumentParts({ edition, context, templatesDir, items, spreads, pages, blankAfterFront }, measureDocument);
      timings.layout += performance.now() - started;
      const from = fromMeasure;
      fromMeasure = undefined;
      const document = await printPass(options, parts, { timings, blocked }, from);
      started = performance.now();
      const landed = anchorPages(document);
      const found = pdfFaces(document);
      timings.postProcess += performance.now() - started;
      const firstVerso = landed.get(pageBoxAnchor(0, 'verso')) ?? 0;
      const overflowing = overflowingSpreads(spreads, landed).filter((n) => !oversize.has(n));
      if (overflowing.length > 0) {
        const repaired = repairSpreads(spreads, overflowing, items);
        // A spread of one unit taller than a page cannot be repaired by moving units: it is left to run on.
        repaired.unmovable.forEach((n) => oversize.add(n));
        if (repaired.spreads !== spreads) {
          spreads = repaired.spreads;
          repairs += overflowing.length - repaired.unmovable.length;
          pages = spreadPages(spreads, firstVerso);
          continue;
        }
      }
      if (firstVerso % 2 === 1) {
        // The blank page after the front matter moves every spread by one page and changes nothing else.
        blankAfterFront = !blankAfterFront;
        pages = spreadPages(spreads, firstVerso + (blankAfterFront ? 1 : -1));
        continue;
      }
      // Settled when the contents named the pages and the colophon the faces this very PDF has; else
      // one more print with both (a misprediction).
      const next = new Map(anchors.map((anchor) => [anchor, landed.get(anchor) ?? 0]));
      const facesHold = sameFaces(faces, found);
      faces = found;
      context.fonts = faces;
      if (facesHold && anchors.every((anchor) => pages.get(anchor) === next.get(anchor))) {
        started = performance.now();
        applyPdfMetadata(document, pdfMetadata(context.book, edition, context.date));
        const pdf = await document.save(PDF_SAVE);
        await writeOutput(options.outPath, pdf);
        timings.postProcess += performance.now() - started;
        return { pdf, bytes: pdf.byteLength, pages: document.getPageCount(), blocked: [...blocked], pagination: { pages: landed, blankBefore: new Set(), faces }, html: parts.html, timings, repairs, mispredictions: timings.print.length - 1 };
      }
      pages = next;
    }
  } finally {
    await closePrediction(fromMeasure);
  }
  throw unsettledPrint(edition.id, 'the spreads', MAX_PASSES);
}

/**
 * The edition's units measured in the pages it will be printed from (facingMeasureDocument, in
 * parts for a long book), and where its front matter ends; the measure document with its units' HTML.
 */
async function measureFacing(options: PrintEditionOptions, context: RenderContext, items: readonly FacingItem[], anchors: readonly string[], timings: { layout: number; measure: number; loads: number }): Promise<{ measureDocument: MeasuredDocument; measured: MeasuredParts }> {
  const { edition, templatesDir } = options;
  // Chromium opens the measuring pages while Node lays the book out.
  void options.browser.warm(2);
  let started = performance.now();
  // The units are written once: the book's document reuses their HTML (src/output/facing-parts.ts).
  const measureDocument = serializeMeasureDocument(facingMeasureDocument({ edition, context, templatesDir, items, pages: new Map() }), context);
  const { html } = measureDocument.document;
  timings.layout += performance.now() - started;
  const parts = options.parts ?? partCount(html.length, FACING_PART_CHARS);
  void options.browser.warm(parts);
  started = performance.now();
  const ids = items.flatMap((i) => SIDES.map((side) => sideId(i.id, side)));
  // Once measured, the first part lays its front matter out in pages, the units hidden: its mark's page is where the spreads start.
  const front = { css: `${await columnCss(html, textArea(edition))}\nbody > .facing-measure { display: none !important; }`, mark: FIRST_SPREAD };
  const measured = await measureInParts({ ...options, name: edition.id, ids, front }, measureDocument.document, parts, anchors);
  timings.measure = performance.now() - started;
  timings.loads = 1 + measured.others.length;
  return { measureDocument, measured };
}

/** The page every unit of a verso opens on, the first spread opening on `firstVerso`: two pages a spread. */
function spreadPages(spreads: readonly SpreadGroup[], firstVerso: number): Map<string, number> {
  return new Map(spreads.flatMap((group, n) => group.map((id) => [id, firstVerso + 2 * n] as const)));
}

/** Closes the pages a measure left open. */
async function closeMeasured(measured: MeasuredParts): Promise<void> {
  await Promise.all([measured.first.page.close().catch(() => undefined), closeParts(measured.others)]);
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
