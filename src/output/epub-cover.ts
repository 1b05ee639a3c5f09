import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { PrintBrowser } from './browser.js';
import { closePage } from './pdf.js';
import { stageError, stageSignal, untilAborted } from './stage-signal.js';

export interface CoverStage {
  /** The build's: aborting it stops the photograph at once. */
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** The EPUB being built, for messages. */
  outPath: string;
}

/**
 * Photographs an HTML cover page as PNG in the build's Chromium. A raster cover is what every
 * reading system and shop shows as the thumbnail; an SVG or XHTML cover would depend on the
 * reader having Khmer and Vietnamese fonts for its text. The page loads nothing but itself.
 */
export async function renderCover(browser: PrintBrowser, html: string, workDir: string, size: { width: number; height: number }, stage: CoverStage): Promise<Uint8Array> {
  stage.signal?.throwIfAborted();
  const file = path.join(workDir, 'cover.html');
  await writeFile(file, html);
  const signal = stageSignal(stage.signal, stage.timeoutMs);
  let page: Page | undefined;
  try {
    page = (await untilAborted(browser.openPage([workDir]), signal)).page;
    await untilAborted(page.setViewport({ ...size, deviceScaleFactor: 1 }), signal);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0, signal });
    return await untilAborted(page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size } }), signal);
  } catch (error) {
    throw stageError(error, stage.signal, signal, { what: 'photographing the cover', outPath: stage.outPath, timeoutMs: stage.timeoutMs });
  } finally {
    await closePage(page, signal);
  }
}
