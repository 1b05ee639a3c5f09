import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintBrowser } from './browser.js';
import { loadHtml } from './pdf.js';

export interface MeasureOptions {
  browser: PrintBrowser;
  html: string;
  workDir: string;
  name: string;
  allowedRoots: readonly string[];
  ids: readonly string[];
  timeoutMs?: number;
}

/**
 * The height in CSS px of every element with one of `ids`, laid out by Chromium with print media
 * and the page's fonts, as one long page: what the spreads of a facing edition are packed from.
 */
export async function measureHeights(options: MeasureOptions): Promise<Map<string, number>> {
  const file = path.join(options.workDir, `${options.name}.measure.html`);
  await writeFile(file, options.html);
  const { page } = await options.browser.openPage(options.allowedRoots);
  try {
    await loadHtml(page, file, { timeoutMs: options.timeoutMs ?? 120_000, media: 'print' });
    // Evaluated in the page as a string: the page itself runs no script of ours or the book's.
    const heights = (await page.evaluate(`(${measure.toString()})(${JSON.stringify(options.ids)})`)) as Record<string, number>;
    return new Map(Object.entries(heights));
  } finally {
    await page.close().catch(() => undefined);
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
