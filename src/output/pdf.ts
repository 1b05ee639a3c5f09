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
  const file = path.join(options.workDir, `${options.editionId}.html`);
  const stage = { ...options, file, what: `printing edition ${options.editionId}` };
  const printed = await inLoadedPage(stage, async (page, signal) => pdfOfPage(page, options.final, signal));
  await printed.page.close().catch(() => undefined);
  return { pdf: printed.value, blocked: printed.blocked };
}

/** One Chromium stage on one document: where the HTML goes, the guard's roots, the limits, what it is doing (for messages). */
export interface LoadedPageStage {
  browser: PrintBrowser;
  html: string;
  file: string;
  allowedRoots: readonly string[];
  what: string;
  outPath: string;
  media?: 'print';
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Writes the HTML, loads it in a guarded page and hands the page to `work`, all under the build's
 * signal and the stage timeout; an error says what the stage was doing, and closes the page. The
 * page is left open on success: the caller prints from it again or closes it.
 */
export async function inLoadedPage<T>(stage: LoadedPageStage, work: (page: Page, signal: AbortSignal) => Promise<T>): Promise<{ value: T; page: Page; blocked: string[] }> {
  stage.signal?.throwIfAborted();
  await writeFile(stage.file, stage.html);
  const timeoutMs = stage.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS;
  const signal = stageSignal(stage.signal, timeoutMs);
  let page: Page | undefined;
  try {
    const opened = await untilAborted(stage.browser.openPage(stage.allowedRoots), signal);
    page = opened.page;
    await loadHtml(page, stage.file, { signal, ...(stage.media ? { media: stage.media } : {}) });
    return { value: await work(page, signal), page, blocked: opened.blocked };
  } catch (error) {
    await closePage(page, signal);
    throw stageError(error, stage.signal, signal, { what: stage.what, outPath: stage.outPath, timeoutMs });
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
