import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_STAGE_TIMEOUT_MS } from '../config/stage-timeout.js';
import type { Page } from 'puppeteer-core';
import type { PrintBrowser } from './browser.js';
import { stageError, stageSignal, untilAborted } from './stage-signal.js';

export interface PrintHtmlOptions {
  browser: PrintBrowser;
  /** The complete print HTML. */
  html: string;
  /** Directory where the HTML is written: Chromium loads local fonts and images only from file:// pages. */
  workDir: string;
  /** Files the page may load: the book, the templates, the work directory. */
  allowedRoots: readonly string[];
  /** Names the HTML file and the edition in messages. */
  editionId: string;
  /** Where the PDF will go, for messages. */
  outPath: string;
  /**
   * The final pass is tagged (structure tree, `/Lang` per element) with bookmarks; a measuring pass
   * only needs to know where things landed, and is a third cheaper without them.
   */
  final: boolean;
  /** The limit of this print (load and print), on top of `signal`. */
  timeoutMs?: number;
  /** The build's: aborting it stops the print at once. */
  signal?: AbortSignal | undefined;
}

/**
 * Loads an HTML file written into the work directory in a guarded page (Chromium loads local fonts
 * and images only from file:// pages) and waits for its fonts. `print` media lays it out with the
 * print rules on the screen, for measuring.
 */
export async function loadHtml(page: Page, file: string, options: { signal: AbortSignal; media?: 'print' }): Promise<void> {
  if (options.media) await page.emulateMediaType(options.media);
  // The signal is the only deadline: it carries the stage timeout and the build's cancellation.
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0, signal: options.signal });
  await untilAborted(page.evaluate('document.fonts.ready'), options.signal);
}

export interface PrintedHtml {
  pdf: Uint8Array;
  /** Requests the page made that were refused: anything outside the allowed roots. */
  blocked: string[];
}

/** One print of one HTML document by Chromium; nothing is written but the HTML. */
export async function printHtml(options: PrintHtmlOptions): Promise<PrintedHtml> {
  options.signal?.throwIfAborted();
  const htmlPath = path.join(options.workDir, `${options.editionId}.html`);
  await writeFile(htmlPath, options.html);
  const timeoutMs = options.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS;
  const signal = stageSignal(options.signal, timeoutMs);
  let page: Page | undefined;
  try {
    const opened = await untilAborted(options.browser.openPage(options.allowedRoots), signal);
    page = opened.page;
    await loadHtml(page, htmlPath, { signal });
    return { pdf: await pdfOfPage(page, options.final, signal), blocked: opened.blocked };
  } catch (error) {
    throw stageError(error, options.signal, signal, { what: `printing edition ${options.editionId}`, outPath: options.outPath, timeoutMs });
  } finally {
    await closePage(page, signal);
  }
}

/** The PDF of the document loaded in `page`, as every print of the build is made. */
export function pdfOfPage(page: Page, final: boolean, signal: AbortSignal): Promise<Uint8Array> {
  return untilAborted(page.pdf({ preferCSSPageSize: true, printBackground: true, outline: final, tagged: final, timeout: 0 }), signal);
}

/** Closes a print page; after an abort, without waiting for a Chromium that may not answer (closing the browser ends it). */
export async function closePage(page: Page | undefined, signal: AbortSignal): Promise<void> {
  const closing = page?.close().catch(() => undefined);
  if (!signal.aborted) await closing;
}
