import { chapterAnchor } from '../layout/chapter-parts.js';
import { contentsChapters } from '../layout/front-matter.js';
import { pageGeometry } from '../layout/page-geometry.js';
import { isSettled, planPagination, UNPAGINATED, type Pagination } from '../layout/pagination.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_SAVE } from '../output/pdf-metadata.js';
import { closeParts, partCount } from '../output/book-parts.js';
import { predictPagesInParts } from '../output/parted-prediction.js';
import { serializeDocument, type DocumentParts } from '../output/html-parts.js';
import type { EditionDocument } from '../layout/document.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import { sameFaces } from '../layout/edition-fonts.js';
import { pdfMetadata } from './pdf-metadata.js';
import { printPass, type PredictionPage } from './print-pass.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';
import { unsettledPrint } from './unsettled.js';

/** Prints: the first, and more only when the pages printed were not the pages predicted. */
const MAX_PRINTS = 3;

/**
 * Prints a flow edition (columns, interleaved) once: where every chapter falls is predicted by
 * laying the book out in page-sized columns (src/output/page-prediction.ts), which decides the
 * contents page numbers, the blank versos that make every chapter open on a recto and the faces
 * the colophon names; a long book is laid out in parts at once (src/output/parted-prediction.ts).
 * The page the prediction laid out (the first part's, which holds the whole document) is then
 * patched with that pagination and printed (src/output/patched-print.ts). The print is checked against
 * its own destinations and embedded faces; a misprediction (counted) is loaded and printed again
 * with what the print showed. build --watch starts from the previous build's pagination instead.
 */
export async function printFlow(options: PrintEditionOptions, editionDocument: EditionDocument): Promise<PrintedEdition> {
  const { edition } = options;
  const chapters = contentsChapters(options.context.book.chapters);
  const timings = { layout: 0, predict: 0, predictions: 0, loads: 0, print: [] as number[], postProcess: 0 };
  const blocked = new Set<string>();
  const documentOf = (pagination: Pagination): DocumentParts => {
    const started = performance.now();
    // The colophon names the faces the pagination says the print embeds (src/layout/edition-fonts.ts).
    const context = { ...options.context, fonts: pagination.faces ?? [] };
    const parts = serializeDocument(editionDocument({ edition, context, templatesDir: options.templatesDir, pagination }));
    timings.layout += performance.now() - started;
    return parts;
  };
  let used = options.previous ?? UNPAGINATED;
  // The page the prediction laid the book out in, and the document it holds: the first print patches it.
  let predicted: PredictionPage | undefined;
  // The chapters the last print moved, for the message when no print settles.
  let moved: string[] = [];
  try {
    // Chromium opens the page the prediction (or the print) will load while Node lays the book out.
    void options.browser.warm(1);
    if (!options.previous) {
      const loaded = documentOf(UNPAGINATED);
      const started = performance.now();
      const prediction = { ...options, name: edition.id, textArea: pageGeometry(edition).textArea, ids: chapters.map(chapterAnchor) };
      // A long book is laid out in parts at once; the page of the first, which holds the whole document, is printed from.
      const page = await predictPagesInParts(prediction, loaded, options.parts ?? partCount(loaded.html.length));
      const { value } = page;
      timings.predict += performance.now() - started;
      timings.predictions += 1;
      timings.loads += page.loads;
      // The faces the prediction saw laid out: the colophon of the one print names them.
      used = { ...planPagination(chapters, UNPAGINATED, value.pages), faces: value.faces };
      predicted = { page, loaded, ...(page.parts.length > 0 ? { parts: { others: page.parts, pages: new Map() } } : {}) };
    }
    for (let pass = 1; pass <= MAX_PRINTS; pass++) {
      const next = documentOf(used);
      // A book predicted in parts is printed in them: each after the empty pages the plan puts before it.
      const from = predicted?.parts ? { ...predicted, parts: { ...predicted.parts, pages: used.pages } } : predicted;
      predicted = undefined;
      const document = await printPass(options, next, { timings, blocked }, from);
      const started = performance.now();
      const printed = { ...planPagination(chapters, used, anchorPages(document)), faces: pdfFaces(document) };
      // Settled when the pages are, and the colophon named the faces this very PDF embeds.
      if (isSettled(chapters, used, printed) && sameFaces(used.faces, printed.faces)) {
        applyPdfMetadata(document, pdfMetadata(options.context.book, edition, options.context.date));
        const pdf = await document.save(PDF_SAVE);
        await writeOutput(options.outPath, pdf);
        timings.postProcess += performance.now() - started;
        return { pdf, bytes: pdf.byteLength, pages: document.getPageCount(), blocked: [...blocked], pagination: printed, html: next.html, timings, mispredictions: pass - 1 };
      }
      timings.postProcess += performance.now() - started;
      if (process.env.PP_DEBUG_PAGINATION) console.error(JSON.stringify({ edition: edition.id, used: [...used.pages].filter(([id]) => chapters.some((c) => chapterAnchor(c) === id)), printed: [...printed.pages].filter(([id]) => chapters.some((c) => chapterAnchor(c) === id)) }));
      moved = chapters.flatMap((c) => {
        const [was, is] = [used.pages.get(chapterAnchor(c)), printed.pages.get(chapterAnchor(c))];
        return was === is ? [] : [`${c.name} p. ${was ?? '?'} → ${is ?? '?'}`];
      });
      used = printed;
    }
  } finally {
    // Still open only when the first print never came (a layout between the prediction and it failed).
    await predicted?.page.page.close().catch(() => undefined);
    if (predicted?.parts) await closeParts(predicted.parts.others);
  }
  throw unsettledPrint(edition.id, 'the chapters', MAX_PRINTS, moved);
}
