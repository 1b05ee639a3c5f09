import path from 'node:path';
import type { Page } from 'puppeteer-core';
import type { PrintBrowser } from './browser.js';
import { inLoadedPage } from './pdf.js';

/** What a layout-only Chromium stage needs: the measuring of facing sides and the page prediction. */
export interface LaidOutPageOptions {
  browser: PrintBrowser;
  workDir: string;
  /** Names the HTML file. */
  name: string;
  allowedRoots: readonly string[];
  timeoutMs?: number;
  /** The build's: aborting it stops the stage at once, like any other Chromium stage. */
  signal?: AbortSignal | undefined;
  /** Where the edition will go, for messages. */
  outPath: string;
}

/** A page left open after its layout was read: what was read, and the page to go on with (closing it is the caller's). */
export interface OpenLaidOutPage<T> {
  value: T;
  page: Page;
  /** Requests the page made that were refused: anything outside the allowed roots. */
  blocked: string[];
}

/**
 * Writes `html` to `NAME.SUFFIX.html` in the work directory, loads it in a page of the build's
 * Chromium with print media (layout only: no PDF), and hands the page to `read`. The stage is one
 * Chromium stage: the build's signal and the stage timeout stop it, an error says `what` it was doing,
 * and the page is closed whatever happens.
 */
export async function inLaidOutPage<T>(options: LaidOutPageOptions, spec: LaidOutPageSpec, read: (page: Page, signal: AbortSignal) => Promise<T>): Promise<T> {
  const open = await openLaidOutPage(options, spec, read);
  await open.page.close().catch(() => undefined);
  return open.value;
}

export interface LaidOutPageSpec {
  html: string;
  suffix: string;
  what: string;
}

/** As inLaidOutPage, but the page stays open when `read` succeeds, for a print of the same document. */
export async function openLaidOutPage<T>(options: LaidOutPageOptions, { html, suffix, what }: LaidOutPageSpec, read: (page: Page, signal: AbortSignal) => Promise<T>): Promise<OpenLaidOutPage<T>> {
  return inLoadedPage({ ...options, html, file: path.join(options.workDir, `${options.name}.${suffix}.html`), what, media: 'print' }, read);
}
