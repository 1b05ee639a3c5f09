import { toHtml } from 'hast-util-to-html';
import { PDFDocument } from 'pdf-lib';
import type { Edition } from '../config/schema.js';
import type { RenderContext } from '../layout/blocks.js';
import { printDocument } from '../layout/document.js';
import { contentsChapters } from '../layout/front-matter.js';
import { isSettled, planPagination, UNPAGINATED, type Pagination } from '../layout/pagination.js';
import { writeOutput } from '../fs/atomic.js';
import type { PrintBrowser } from '../output/browser.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_LOAD, PDF_SAVE } from '../output/pdf-metadata.js';
import { printHtml } from '../output/pdf.js';
import { pdfMetadata } from './pdf-metadata.js';
import { measureChapters } from './measuring-pass.js';
import { printFacing } from './print-facing.js';
import { sameFaces } from '../layout/edition-fonts.js';
import { printLayout } from '../layout/edition-view.js';
import { pdfFaces } from '../output/pdf-fonts.js';

/** Final passes after the measuring one: a second only when the contents page changed length. */
const MAX_FINAL_PASSES = 3;

export interface PrintEditionOptions {
  browser: PrintBrowser;
  edition: Edition;
  context: RenderContext;
  templatesDir: string;
  workDir: string;
  allowedRoots: readonly string[];
  outPath: string;
  /**
   * Where the previous build of this edition settled (build --watch keeps it): most edits move no
   * chapter, so the first pass prints with it as a final pass and one print is enough.
   */
  previous?: Pagination;
  /** Per-stage limit for Chromium's load and print of each pass (reaches printHtml). */
  timeoutMs?: number;
}

export interface PrintedEdition {
  /** The PDF as written. */
  pdf: Uint8Array;
  bytes: number;
  pages: number;
  blocked: string[];
  /** The page of every chapter, section and row anchor in the written PDF. */
  pagination: Pagination;
  /** The HTML of the pass that was written, for the benchmark's raw-Chromium comparison. */
  html: string;
  /** Milliseconds per stage, for the benchmark. */
  timings: { layout: number; print: number[]; postProcess: number };
}

/**
 * Prints an edition until its pagination settles: a first, untagged measuring pass (in parts, at the
 * same time: src/build/measuring-pass.ts) learns where every chapter lands; the next prints the
 * contents with those pages and the blank versos that make every chapter open on a recto, tagged
 * and with bookmarks, and is checked against its own destinations.
 */
export async function printEdition(options: PrintEditionOptions): Promise<PrintedEdition> {
  if (printLayout(options.edition) === 'facing') return printFacingWithFaces(options);
  const { edition } = options;
  let context = options.context;
  const chapters = contentsChapters(context.book.chapters);
  const timings = { layout: 0, print: [] as number[], postProcess: 0 };
  let used = options.previous ?? UNPAGINATED;
  const blocked = new Set<string>();
  if (!options.previous) {
    // Cold: learn where every chapter falls from a measuring pass, then print for real.
    const started = performance.now();
    const measured = await measureChapters(options, chapters, context);
    timings.print.push(performance.now() - started);
    measured.blocked.forEach((url) => blocked.add(url));
    used = { ...planPagination(chapters, UNPAGINATED, measured.pages), faces: measured.faces };
  }
  for (let pass = 1; pass <= MAX_FINAL_PASSES; pass++) {
    let started = performance.now();
    context = { ...options.context, fonts: used.faces ?? [] };
    const html = toHtml(printDocument({ edition, context, templatesDir: options.templatesDir, pagination: used }));
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

/**
 * A facing edition prints its sides and front matter apart and assembles them, so the faces are
 * known only from the assembled book: it is printed again when the colophon named others.
 */
async function printFacingWithFaces(options: PrintEditionOptions): Promise<PrintedEdition> {
  let faces = options.previous?.faces ?? [];
  for (let attempt = 1; attempt <= MAX_FINAL_PASSES; attempt++) {
    const printed = await printFacing({ ...options, context: { ...options.context, fonts: faces } });
    const found = pdfFaces(await PDFDocument.load(printed.pdf, PDF_LOAD));
    // The sides named what they embed; the front matter, printed apart, could add a face.
    if (sameFaces(printed.pagination.faces, found)) return { ...printed, pagination: { ...printed.pagination, faces: found } };
    faces = found;
  }
  throw new Error(`The embedded fonts of edition ${options.edition.id} did not settle after ${MAX_FINAL_PASSES} prints`);
}
