import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEFAULT_STAGE_TIMEOUT_MS } from '../config/stage-timeout.js';
import type { PrintBrowser } from './browser.js';
import { closePage, loadHtml } from './pdf.js';
import { stageError, stageSignal, untilAborted } from './stage-signal.js';

export interface MeasureOptions {
  browser: PrintBrowser;
  html: string;
  workDir: string;
  name: string;
  allowedRoots: readonly string[];
  ids: readonly string[];
  timeoutMs?: number;
  /** The build's: aborting it stops the measuring at once. */
  signal?: AbortSignal | undefined;
  /** Where the edition will go, for messages. */
  outPath: string;
}

/**
 * The height in CSS px of every element with one of `ids`, laid out by Chromium with print media
 * and the page's fonts, as one long page: what the spreads of a facing edition are packed from.
 */
export async function measureHeights(options: MeasureOptions): Promise<Map<string, number>> {
  options.signal?.throwIfAborted();
  const file = path.join(options.workDir, `${options.name}.measure.html`);
  await writeFile(file, options.html);
  const timeoutMs = options.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS;
  const signal = stageSignal(options.signal, timeoutMs);
  let page: Page | undefined;
  try {
    page = (await untilAborted(options.browser.openPage(options.allowedRoots), signal)).page;
    await loadHtml(page, file, { signal, media: 'print' });
    // Evaluated in the page as a string: the page itself runs no script of ours or the book's.
    const heights = (await untilAborted(page.evaluate(`(${measure.toString()})(${JSON.stringify(options.ids)})`), signal)) as Record<string, number>;
    return new Map(Object.entries(heights));
  } catch (error) {
    throw stageError(error, options.signal, signal, { what: `measuring ${options.name}`, outPath: options.outPath, timeoutMs });
  } finally {
    await closePage(page, signal);
  }
}

/** Each element's box plus its margins (rows are flow roots, so their own margins stay inside). */
function measure(ids: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) {
    const element = document.getElementById(id);
    if (!element) continue;
    const style = getComputedStyle(element);
    out[id] = element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  }
  return out;
}
