import { toHtml } from 'hast-util-to-html';
import { PDFDocument } from 'pdf-lib';
import { contentsChapters } from '../layout/front-matter.js';
import { isSettled, planPagination, UNPAGINATED } from '../layout/pagination.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_LOAD, PDF_SAVE } from '../output/pdf-metadata.js';
import { printHtml } from '../output/pdf.js';
import type { EditionDocument } from '../layout/document.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import { sameFaces } from '../layout/edition-fonts.js';
import { pdfMetadata } from './pdf-metadata.js';
import { measureChapters } from './measuring-pass.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';

/** Final passes after the measuring one: a second only when the contents page changed length. */
const MAX_FINAL_PASSES = 3;

/**
 * Prints an edition until its pagination settles: a first, untagged measuring pass (in parts, at the
 * same time: src/pipeline/measuring-pass.ts) learns where every chapter lands; the next prints the
 * contents with those pages and the blank versos that make every chapter open on a recto, tagged
 * and with bookmarks, and is checked against its own destinations.
 */
export async function printFlow(options: PrintEditionOptions, editionDocument: EditionDocument): Promise<PrintedEdition> {
  const { edition } = options;
  let context = options.context;
  const chapters = contentsChapters(context.book.chapters);
  const timings = { layout: 0, print: [] as number[], postProcess: 0 };
  let used = options.previous ?? UNPAGINATED;
  const blocked = new Set<string>();
  if (!options.previous) {
    // Cold: learn where every chapter falls from a measuring pass, then print for real.
    const started = performance.now();
    const measured = await measureChapters(options, chapters, context, editionDocument);
    timings.print.push(performance.now() - started);
    measured.blocked.forEach((url) => blocked.add(url));
    used = { ...planPagination(chapters, UNPAGINATED, measured.pages), faces: measured.faces };
  }
  for (let pass = 1; pass <= MAX_FINAL_PASSES; pass++) {
    let started = performance.now();
    // The colophon names the faces the last print embedded (src/layout/edition-fonts.ts).
    context = { ...options.context, fonts: used.faces ?? [] };
    const html = toHtml(editionDocument({ edition, context, templatesDir: options.templatesDir, pagination: used }));
    timings.layout += performance.now() - started;
    started = performance.now();
    const printed = await printHtml({ ...options, html, editionId: edition.id, final: true });
    timings.print.push(performance.now() - started);
    printed.blocked.forEach((url) => blocked.add(url));
    started = performance.now();
    const document = await PDFDocument.load(printed.pdf, PDF_LOAD);
    const next = { ...planPagination(chapters, used, anchorPages(document)), faces: pdfFaces(document) };
    // Settled when the pages are, and the colophon named the faces this very PDF embeds.
    if (isSettled(chapters, used, next) && sameFaces(used.faces, next.faces)) {
      applyPdfMetadata(document, pdfMetadata(context.book, edition, context.date));
      const pdf = await document.save(PDF_SAVE);
      await writeOutput(options.outPath, pdf);
      timings.postProcess += performance.now() - started;
      return { pdf, bytes: pdf.byteLength, pages: document.getPageCount(), blocked: [...blocked], pagination: next, html, timings };
    }
    timings.postProcess += performance.now() - started;
    used = next;
  }
  throw new Error(`The pagination of edition ${edition.id} did not settle after ${MAX_FINAL_PASSES} final passes`);
}
