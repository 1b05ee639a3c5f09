import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { UserError } from '../diagnostics/index.js';
import { writeOutput } from './atomic.js';
import type { PrintBrowser } from './browser.js';

export interface PrintPdfOptions {
  browser: PrintBrowser;
  /** The complete print HTML. */
  html: string;
  /** Directory where the HTML is written: Chromium loads local fonts and images only from file:// pages. */
  workDir: string;
  /** Files the page may load: the book, the templates, the work directory. */
  allowedRoots: readonly string[];
  outPath: string;
  editionId: string;
  timeoutMs?: number;
}

export interface PrintedPdf {
  bytes: number;
  pages: number;
  blocked: string[];
}

/** Prints one edition: HTML file → Chromium → PDF written atomically. */
export async function printPdf(options: PrintPdfOptions): Promise<PrintedPdf> {
  const htmlPath = path.join(options.workDir, `${options.editionId}.html`);
  await writeFile(htmlPath, options.html);
  const { page, blocked } = await options.browser.openPage(options.allowedRoots);
  const timeout = options.timeoutMs ?? 120_000;
  let pdf: Uint8Array;
  try {
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout });
    await page.evaluate('document.fonts.ready');
    pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError({
      file: options.outPath,
      severity: 'error',
      ruleId: 'print-failed',
      message: `Chromium failed while printing edition ${options.editionId} (${reason}): the previous output was left untouched; retry, and if it persists check that Chromium runs (\`chromium --version\`).`,
    });
  } finally {
    await page.close().catch(() => undefined);
  }
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  await writeOutput(options.outPath, pdf);
  return { bytes: pdf.byteLength, pages: document.getPageCount(), blocked };
}
