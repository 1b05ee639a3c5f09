import { toHtml } from 'hast-util-to-html';
import { chapterAnchor } from '../layout/chapter-parts.js';
import { contentsChapters } from '../layout/front-matter.js';
import { pageGeometry } from '../layout/page-geometry.js';
import { isSettled, planPagination, UNPAGINATED } from '../layout/pagination.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_SAVE } from '../output/pdf-metadata.js';
import { predictPages } from '../output/page-prediction.js';
import type { EditionDocument } from '../layout/document.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import { sameFaces } from '../layout/edition-fonts.js';
import { pdfMetadata } from './pdf-metadata.js';
import { printPass } from './print-pass.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';

/** Prints: the first, and more only when the pages printed were not the pages predicted. */
const MAX_PRINTS = 3;

/**
 * Prints a flow edition (columns, interleaved) once: where every chapter falls is predicted by
 * laying the book out in page-sized columns (src/output/page-prediction.ts), which decides the
 * contents page numbers, the blank versos that make every chapter open on a recto and the faces
 * the colophon names. The print is checked against its own destinations and embedded faces; a
 * misprediction (counted) is printed again with what the print showed. build --watch starts from
 * the previous build's pagination instead.
 */
export async function printFlow(options: PrintEditionOptions, editionDocument: EditionDocument): Promise<PrintedEdition> {
  const { edition } = options;
  let context = options.context;
  const chapters = contentsChapters(context.book.chapters);
  const timings = { layout: 0, predict: 0, predictions: 0, print: [] as number[], postProcess: 0 };
  let used = options.previous ?? UNPAGINATED;
  const blocked = new Set<string>();
  if (!options.previous) {
    let started = performance.now();
    const html = toHtml(editionDocument({ edition, context, templatesDir: options.templatesDir, pagination: UNPAGINATED }));
    timings.layout += performance.now() - started;
    started = performance.now();
    const predicted = await predictPages({ ...options, html, name: edition.id, textArea: pageGeometry(edition).textArea, ids: chapters.map(chapterAnchor) });
    timings.predict += performance.now() - started;
    timings.predictions += 1;
    // The faces the prediction saw laid out: the colophon of the one print names them.
    used = { ...planPagination(chapters, UNPAGINATED, predicted.pages), faces: predicted.faces };
  }
  for (let pass = 1; pass <= MAX_PRINTS; pass++) {
    let started = performance.now();
    // The colophon names the faces the last print embedded (src/layout/edition-fonts.ts).
    context = { ...options.context, fonts: used.faces ?? [] };
    const html = toHtml(editionDocument({ edition, context, templatesDir: options.templatesDir, pagination: used }));
    timings.layout += performance.now() - started;
    const document = await printPass(options, html, { timings, blocked });
    started = performance.now();
    const next = { ...planPagination(chapters, used, anchorPages(document)), faces: pdfFaces(document) };
    // Settled when the pages are, and the colophon named the faces this very PDF embeds.
    if (isSettled(chapters, used, next) && sameFaces(used.faces, next.faces)) {
      applyPdfMetadata(document, pdfMetadata(context.book, edition, context.date));
      const pdf = await document.save(PDF_SAVE);
      await writeOutput(options.outPath, pdf);
      timings.postProcess += performance.now() - started;
      return { pdf, bytes: pdf.byteLength, pages: document.getPageCount(), blocked: [...blocked], pagination: next, html, timings, mispredictions: pass - 1 };
    }
    timings.postProcess += performance.now() - started;
    if (process.env.PP_DEBUG_PAGINATION) console.error(JSON.stringify({ edition: edition.id, used: [...used.pages].filter(([id]) => chapters.some((c) => chapterAnchor(c) === id)), printed: [...next.pages].filter(([id]) => chapters.some((c) => chapterAnchor(c) === id)) }));
    used = next;
  }
  throw new Error(`The pagination of edition ${edition.id} did not settle after ${MAX_PRINTS} prints`);
}
