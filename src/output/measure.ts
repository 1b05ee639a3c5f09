import type { Page } from 'puppeteer-core';
import { inLaidOutPage, type LaidOutPageOptions } from './laid-out-page.js';
import { untilAborted } from './stage-signal.js';

export interface MeasureOptions extends LaidOutPageOptions {
  html: string;
  ids: readonly string[];
}

/**
 * The height in CSS px of every element with one of `ids`, laid out by Chromium with print media
 * and the page's fonts, as one long page: what the spreads of a facing edition are packed from.
 */
export async function measureHeights(options: MeasureOptions): Promise<Map<string, number>> {
  return inLaidOutPage(options, { html: options.html, suffix: 'measure', what: `measuring ${options.name}` }, (page, signal) => untilAborted(measureInPage(page, options.ids), signal));
}

/** The heights of the elements of `ids` laid out in `page`; one not laid out (absent, or hidden) has none. */
export async function measureInPage(page: Page, ids: readonly string[]): Promise<Map<string, number>> {
  // Evaluated in the page as a string: the page itself runs no script of ours or the book's.
  const heights = (await page.evaluate(`(${measure.toString()})(${JSON.stringify(ids)})`)) as Record<string, number>;
  return new Map(Object.entries(heights));
}

/** Each element's box plus its margins (rows are flow roots, so their own margins stay inside). */
function measure(ids: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) {
    const element = document.getElementById(id);
    if (!element || element.getClientRects().length === 0) continue;
    const style = getComputedStyle(element);
    out[id] = element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  }
  return out;
}
