import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../diagnostics/index.js';
import type { Page } from 'puppeteer-core';
import type { PrintBrowser } from './browser.js';

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
  timeoutMs?: number;
}

/**
 * Loads an HTML file written into the work directory in a guarded page (Chromium loads local fonts
 * and images only from file:// pages) and waits for its fonts. `print` media lays it out with the
 * print rules on the screen, for measuring.
 */
export async function loadHtml(page: Page, file: string, options: { timeoutMs: number; media?: 'print' }): Promise<void> {
  if (options.media) await page.emulateMediaType(options.media);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: options.timeoutMs });
  await page.evaluate('document.fonts.ready');
}

export interface PrintedHtml {
  pdf: Uint8Array;
  /** Requests the page made that were refused: anything outside the allowed roots. */
  blocked: string[];
}

/** One print of one HTML document by Chromium; nothing is written but the HTML. */
export async function printHtml(options: PrintHtmlOptions): Promise<PrintedHtml> {
  const htmlPath = path.join(options.workDir, `${options.editionId}.html`);
  await writeFile(htmlPath, options.html);
  const { page, blocked } = await options.browser.openPage(options.allowedRoots);
  const timeout = options.timeoutMs ?? 120_000;
  try {
    await loadHtml(page, htmlPath, { timeoutMs: timeout });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: options.final, tagged: options.final, timeout });
    return { pdf, blocked };
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
}
