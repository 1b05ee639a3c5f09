import { PDFDocument } from 'pdf-lib';
import { PDF_LOAD } from '../output/pdf-metadata.js';
import { printHtml } from '../output/pdf.js';
import type { PrintEditionOptions } from './printed-edition.js';

export interface PassBook {
  timings: { print: number[]; postProcess: number };
  /** Requests the print page made that were blocked, gathered over every pass. */
  blocked: Set<string>;
}

/** One final, tagged print of `html`, read back with pdf-lib: the print time and the reading time are counted apart. */
export async function printPass(options: PrintEditionOptions, html: string, { timings, blocked }: PassBook): Promise<PDFDocument> {
  let started = performance.now();
  const printed = await printHtml({ ...options, html, editionId: options.edition.id, final: true });
  timings.print.push(performance.now() - started);
  printed.blocked.forEach((url) => blocked.add(url));
  started = performance.now();
  const document = await PDFDocument.load(printed.pdf, PDF_LOAD);
  timings.postProcess += performance.now() - started;
  return document;
}
