import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintBrowser } from './browser.js';

/**
 * The height in CSS px of every element with one of `ids`, laid out by Chromium with print media
 * and the page's fonts, as one long page: what the spreads of a facing edition are packed from.
 */
export async function measureHeights(browser: PrintBrowser, html: string, workDir: string, name: string, allowedRoots: readonly string[], ids: readonly string[]): Promise<Map<string, number>> {
  const htmlPath = path.join(workDir, `${name}.measure.html`);
  await writeFile(htmlPath, html);
  const { page } = await browser.openPage(allowedRoots);
  try {
    await page.emulateMediaType('print');
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load', timeout: 120_000 });
    await page.evaluate('document.fonts.ready');
    // Evaluated in the page as a string: the page itself runs no script of ours or the book's.
    const heights = (await page.evaluate(`(${measure.toString()})(${JSON.stringify(ids)})`)) as Record<string, number>;
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
