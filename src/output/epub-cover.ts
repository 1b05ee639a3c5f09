import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrintBrowser } from './browser.js';

/**
 * Photographs an HTML cover page as PNG in the build's Chromium. A raster cover is what every
 * reading system and shop shows as the thumbnail; an SVG or XHTML cover would depend on the
 * reader having Khmer and Vietnamese fonts for its text. The page loads nothing but itself.
 */
export async function renderCover(browser: PrintBrowser, html: string, workDir: string, size: { width: number; height: number }): Promise<Uint8Array> {
  const file = path.join(workDir, 'cover.html');
  await writeFile(file, html);
  const { page } = await browser.openPage([workDir]);
  try {
    await page.setViewport({ ...size, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } });
  } finally {
    await page.close();
  }
}
