import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { EmbeddedFace } from '../layout/edition-fonts.js';
import { columnBreakCss } from './column-breaks.js';
import { laidOutFaces } from './laid-out-faces.js';
import { withLayoutStyle } from './layout-marks.js';
import { inLaidOutPage, openLaidOutPage, type LaidOutPageOptions, type LaidOutPageSpec, type OpenLaidOutPage } from './laid-out-page.js';
import { untilAborted } from './stage-signal.js';

export interface PredictPagesOptions extends LaidOutPageOptions {
  /** The print HTML, exactly as it would be printed. */
  html: string;
  /** The page's text area (the page box less its margins), in mm: the same on left and right pages. */
  textArea: { widthMm: number; heightMm: number };
  /** The anchors whose pages are wanted. */
  ids: readonly string[];
  /**
   * Lays out the body only up to this child (src/output/parted-prediction.ts): the child itself
   * empty, where its forced break puts it (`partEnd` of the result), and none after it.
   */
  partEnd?: number;
}

export interface PredictedPages {
  /** The page (from 1) each anchor would start on when printed. */
  pages: Map<string, number>;
  /** How many pages the print would have. */
  pageCount: number;
  /** The faces Chromium laid the text out in: what the print will embed, and the colophon name. */
  faces: EmbeddedFace[];
  /** With `partEnd`: the page that child starts on, where the rest of the body would go on. */
  partEnd?: number;
}

/**
 * Where every anchor would land if the HTML were printed, without printing: Chromium lays the body
 * out, with print media, as a multi-column container whose column is the page's text area (columns
 * as wide and as tall as the text block, no gap) and whose forced page breaks (`break-before: page`)
 * are column breaks, both stated in a style sheet added before the page loads: its first layout is
 * the measured one. A change of named page alone (no `break-before`) is not restated: every page
 * name of the print documents starts with a forced break. Paged media and multi-column share Chromium's block
 * fragmentation (widows, orphans, `break-inside: avoid`, grid rows), and the margin boxes take no
 * room in the text area, so column n is page n. Layout only: no paint, no PDF, no tagging. The
 * printed PDF's destinations remain the truth the build checks the prediction against.
 */
export async function predictPages(options: PredictPagesOptions): Promise<PredictedPages> {
  return inLaidOutPage(options, await predictionSpec(options), readPrediction(options));
}

/**
 * As predictPages, and the page stays open: with the prediction's style sheet and marks removed
 * (PREDICTION_MARKS) and the pagination patched in, it prints the edition without loading it again.
 */
export async function predictPagesInPage(options: PredictPagesOptions): Promise<OpenLaidOutPage<PredictedPages>> {
  return openLaidOutPage(options, await predictionSpec(options), readPrediction(options));
}


async function predictionSpec(options: PredictPagesOptions): Promise<LaidOutPageSpec> {
  return { html: await columnDocument(options.html, options.textArea, options.partEnd), suffix: 'predict', what: `predicting the pages of ${options.name}` };
}

function readPrediction(options: PredictPagesOptions): (page: Page, signal: AbortSignal) => Promise<PredictedPages> {
  return async (page, signal) => {
    // Evaluated as a string: the page itself runs no script of ours or the book's.
    const { pages, pageCount, partEnd } = (await untilAborted(page.evaluate(`(${readColumns.toString()})(${JSON.stringify(options.ids)}, ${options.partEnd ?? -1})`), signal)) as { pages: Record<string, number>; pageCount: number; partEnd?: number };
    const faces = await untilAborted(laidOutFaces(page), signal);
    return { pages: new Map(Object.entries(pages)), pageCount, faces, ...(partEnd !== undefined ? { partEnd } : {}) };
  };
}

/**
 * The print HTML with one more style sheet: its page breaks as column breaks (src/output/column-breaks.ts)
 * and the body as one column of the text area, what does not fit running into overflow columns to its right.
 */
async function columnDocument(html: string, textArea: PredictPagesOptions['textArea'], partEnd?: number): Promise<string> {
  const part = partEnd === undefined ? '' : `\nbody > :nth-child(${partEnd + 1}) > * { display: none !important; }\nbody > :nth-child(n + ${partEnd + 2}) { display: none !important; }`;
  return withLayoutStyle(html, `${await columnCss(html, textArea)}${part}`);
}

/** The style sheet that lays the body of `html` out as pages in columns (columnDocument), for a page that already holds it. */
export async function columnCss(html: string, textArea: PredictPagesOptions['textArea']): Promise<string> {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')));
  const linked = [...head.matchAll(/<link\b[^>]*>/g)].flatMap(([tag]) => {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    return /\brel="stylesheet"/.test(tag) && href?.startsWith('file:') ? [fileURLToPath(href.replace(/&amp;/g, '&'))] : [];
  });
  const sheets = [...(await Promise.all(linked.map((file) => readFile(file, 'utf8').catch(() => '')))), ...[...head.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '')];
  const body = `body { margin: 0 !important; padding: 0 !important; border: 0 !important; box-sizing: content-box !important; width: ${textArea.widthMm}mm !important; height: ${textArea.heightMm}mm !important; column-count: 1 !important; column-gap: 0 !important; column-fill: auto !important; overflow: visible !important; }`;
  return `${columnBreakCss(sheets)}\n${body}`;
}

/** The page each of `ids` starts on in `page`, laid out in columns by columnCss. */
export async function columnPages(page: Page, ids: readonly string[]): Promise<Map<string, number>> {
  // Evaluated as a string: the page itself runs no script of ours or the book's.
  const { pages } = (await page.evaluate(`(${readColumns.toString()})(${JSON.stringify(ids)}, -1)`)) as { pages: Record<string, number> };
  return new Map(Object.entries(pages));
}

/** Runs in the page: the column, hence the page, of every anchor and of the end of the body. */
function readColumns(ids: string[], partEnd: number): { pages: Record<string, number>; pageCount: number; partEnd?: number } {
  const body = document.body;
  const origin = body.getBoundingClientRect().left;
  const pitch = body.getBoundingClientRect().width;
  // A block starts at its column's left edge or right of it; a pixel of slack for rounding.
  const columnOf = (rect: DOMRect | undefined): number | undefined => (rect ? Math.floor((rect.left - origin + 1) / pitch) : undefined);
  const pages: Record<string, number> = {};
  for (const id of ids) {
    const column = columnOf(document.getElementById(id)?.getClientRects()[0]);
    if (column !== undefined) pages[id] = column + 1;
  }
  const last = Array.from(body.children).reverse().map((element) => Array.from(element.getClientRects()).at(-1)).find(Boolean);
  const end = partEnd >= 0 ? columnOf(body.children[partEnd]?.getClientRects()[0]) : undefined;
  return { pages, pageCount: (columnOf(last) ?? 0) + 1, ...(end !== undefined ? { partEnd: end + 1 } : {}) };
}
