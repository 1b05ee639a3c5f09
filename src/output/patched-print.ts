import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_STAGE_TIMEOUT_MS } from '../config/stage-timeout.js';
import type { DocumentParts } from './html-parts.js';
import type { OpenLaidOutPage } from './laid-out-page.js';
import { PREDICTION_MARKS } from './layout-marks.js';
import { patchLoadedPage } from './page-patch.js';
import { closePage, pdfOfPage, type PrintedHtml, type PrintHtmlOptions } from './pdf.js';
import { stageError, stageSignal } from './stage-signal.js';

export interface PatchedPrintOptions extends Omit<PrintHtmlOptions, 'html'> {
  /** The page the prediction laid `loaded` out in; closed here whatever happens. */
  predicted: OpenLaidOutPage<unknown>;
  loaded: DocumentParts;
  next: DocumentParts;
}

/**
 * The final print of `next` from the page the prediction left open: the prediction's style sheet
 * and marks taken out, the body children that changed replaced, then printed. Chromium parses and
 * styles the book once for both; the print lays it out in pages as a fresh page would. Undefined
 * when the page cannot be patched into `next` (the caller prints it afresh).
 */
export async function printPatchedPage(options: PatchedPrintOptions): Promise<PrintedHtml | undefined> {
  const { predicted, loaded, next } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS;
  const signal = stageSignal(options.signal, timeoutMs);
  try {
    // The HTML that was printed stays in the work directory, as with a fresh print.
    await writeFile(path.join(options.workDir, `${options.editionId}.html`), next.html);
    if (!(await patchLoadedPage(predicted.page, loaded, next, PREDICTION_MARKS, signal))) return undefined;
    return { pdf: await pdfOfPage(predicted.page, options.final, signal), blocked: predicted.blocked };
  } catch (error) {
    throw stageError(error, options.signal, signal, { what: `printing edition ${options.editionId}`, outPath: options.outPath, timeoutMs });
  } finally {
    await closePage(predicted.page, signal);
  }
}
