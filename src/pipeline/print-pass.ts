import { PDFDocument } from 'pdf-lib';
import type { DocumentParts } from '../output/html-parts.js';
import type { OpenLaidOutPage } from '../output/laid-out-page.js';
import { printPatchedPage } from '../output/patched-print.js';
import { PDF_LOAD } from '../output/pdf-metadata.js';
import { printHtml } from '../output/pdf.js';
import { toHtml } from 'hast-util-to-html';
import { blankPage } from '../layout/front-matter.js';
import { printInParts, type PrintPart } from '../output/parted-print.js';
import { joinPdfParts } from '../output/pdf-parts.js';
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
  /** A long book predicted in parts: the pages of the parts after the first, to print in the same parts. */
  parts?: PartedPass;
}

/** What a print in parts needs besides the first part's page (src/output/parted-print.ts). */
export interface PartedPass {
  /** The parts after the first: laid out by the prediction, or to load. */
  others: readonly PrintPart[];
  /** The page each chapter opens on in the document printed. */
  pages: ReadonlyMap<string, number>;
}

/** One empty page of the book: a part printed on its own starts with as many as precede it. */
const LEAD_PAGE = toHtml(blankPage());

/**
 * One final, tagged print of `next`, read back with pdf-lib: the print time and the reading time are
 * counted apart. From `prediction`'s page when there is one and it can be patched into `next`
 * (src/output/patched-print.ts), which closes it; otherwise Chromium loads `next` afresh (counted).
 */
export async function printPass(options: PrintEditionOptions, next: DocumentParts, { timings, blocked }: PassBook, prediction?: PredictionPage): Promise<PDFDocument> {
  if (prediction?.parts?.others.length) {
    const joined = await printPassInParts(options, next, { timings, blocked }, prediction, prediction.parts);
    if (joined) return joined;
    prediction = undefined;
  }
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

/**
 * The print of a book predicted in parts, in the same parts at once, joined into one PDF
 * (src/output/parted-print.ts, src/output/pdf-parts.ts). Undefined, every page closed, when the parts
 * could not be printed from the prediction's pages or did not meet: the book is then printed whole.
 */
async function printPassInParts(options: PrintEditionOptions, next: DocumentParts, { timings, blocked }: PassBook, prediction: PredictionPage, { others, pages }: PartedPass): Promise<PDFDocument | undefined> {
  let started = performance.now();
  const parts = [{ page: prediction.page, loaded: prediction.loaded, firstChapter: '' }, ...others];
  const printed = await printInParts({ ...options, editionId: options.edition.id, parts, next, pages, leadPage: LEAD_PAGE });
  if (!printed) return undefined;
  // The parts no prediction laid out were loaded for this print.
  timings.loads += others.filter((part) => !part.page).length;
  timings.print.push(performance.now() - started);
  printed.blocked.forEach((url) => blocked.add(url));
  started = performance.now();
  const [book, ...rest] = await Promise.all(printed.parts.map((part) => PDFDocument.load(part.pdf, PDF_LOAD)));
  const joined = book && joinPdfParts(book, rest.map((document, n) => ({ document, lead: printed.parts[n + 1]?.lead ?? 0 })));
  timings.postProcess += performance.now() - started;
  return joined ? book : undefined;
}
