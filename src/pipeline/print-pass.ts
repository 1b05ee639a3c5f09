import { PDFDocument } from 'pdf-lib';
import type { DocumentParts } from '../output/html-parts.js';
import type { OpenLaidOutPage } from '../output/laid-out-page.js';
import { printPatchedPage } from '../output/patched-print.js';
import { PDF_LOAD } from '../output/pdf-metadata.js';
import { printHtml } from '../output/pdf.js';
import type { PrintEditionOptions } from './printed-edition.js';

export interface PassBook {
  /** `loads`: how many times Chromium loaded the edition's document, predictions included. */
  timings: { print: number[]; postProcess: number; loads: number };
  /** Requests the print page made that were blocked, gathered over every pass. */
  blocked: Set<string>;
}

/** The page a prediction laid the edition out in, left open, and the document it was loaded with. */
export interface PredictionPage {
  page: OpenLaidOutPage<unknown>;
  loaded: DocumentParts;
}

/**
 * One final, tagged print of `next`, read back with pdf-lib: the print time and the reading time are
 * counted apart. From `prediction`'s page when there is one and it can be patched into `next`
 * (src/output/patched-print.ts), which closes it; otherwise Chromium loads `next` afresh (counted).
 */
export async function printPass(options: PrintEditionOptions, next: DocumentParts, { timings, blocked }: PassBook, prediction?: PredictionPage): Promise<PDFDocument> {
  let started = performance.now();
  const patched = prediction && (await printPatchedPage({ ...options, editionId: options.edition.id, final: true, predicted: prediction.page, loaded: prediction.loaded, next }));
  if (!patched) timings.loads += 1;
  const printed = patched ?? (await printHtml({ ...options, html: next.html, editionId: options.edition.id, final: true }));
  timings.print.push(performance.now() - started);
  printed.blocked.forEach((url) => blocked.add(url));
  started = performance.now();
  const document = await PDFDocument.load(printed.pdf, PDF_LOAD);
  timings.postProcess += performance.now() - started;
  return document;
}
