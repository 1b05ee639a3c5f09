import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintBrowser } from './browser.js';
import { loadHtml } from './pdf.js';

export interface PredictPagesOptions {
  browser: PrintBrowser;
  /** The print HTML, exactly as it would be printed. */
  html: string;
  workDir: string;
  /** Names the HTML file. */
  name: string;
  allowedRoots: readonly string[];
  /** The page's text area (the page box less its margins), in mm: the same on left and right pages. */
  textArea: { widthMm: number; heightMm: number };
  /** The anchors whose pages are wanted. */
  ids: readonly string[];
  timeoutMs?: number;
}

export interface PredictedPages {
  /** The page (from 1) each anchor would start on when printed. */
  pages: Map<string, number>;
  /** How many pages the print would have. */
  pageCount: number;
}

/**
 * Where every anchor would land if the HTML were printed, without printing: Chromium lays the body
 * out, with print media, as a multi-column container whose column is the page's text area (columns
 * as wide and as tall as the text block, no gap) and whose forced page breaks (`break-before: page`,
 * a change of named page) are column breaks. Paged media and multi-column share Chromium's block
 * fragmentation (widows, orphans, `break-inside: avoid`, grid rows), and the margin boxes take no
 * room in the text area, so column n is page n. Layout only: no paint, no PDF, no tagging. The
 * printed PDF's destinations remain the truth the build checks the prediction against.
 */
export async function predictPages(options: PredictPagesOptions): Promise<PredictedPages> {
  const file = path.join(options.workDir, `${options.name}.predict.html`);
  await writeFile(file, options.html);
  const { page } = await options.browser.openPage(options.allowedRoots);
  try {
    await loadHtml(page, file, { timeoutMs: options.timeoutMs ?? 120_000, media: 'print' });
    // Evaluated as a string: the page itself runs no script of ours or the book's.
    const { pages, pageCount } = (await page.evaluate(`(${paginate.toString()})(${JSON.stringify(options.ids)}, ${options.textArea.widthMm}, ${options.textArea.heightMm})`)) as { pages: Record<string, number>; pageCount: number };
    return { pages: new Map(Object.entries(pages)), pageCount };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Runs in the page: turns page breaks into column breaks, sets the body in page-sized columns, reads columns. */
function paginate(ids: string[], widthMm: number, heightMm: number): { pages: Record<string, number>; pageCount: number } {
  const forced = (value: string) => value === 'page' || value === 'left' || value === 'right' || value === 'recto' || value === 'verso';
  const body = document.body;
  // Read every style first, then write: one style recalculation, not one per element.
  const before: HTMLElement[] = [];
  const after: HTMLElement[] = [];
  for (const element of Array.from(body.querySelectorAll<HTMLElement>('*'))) {
    const style = getComputedStyle(element);
    if (style.display === 'none') continue;
    if (forced(style.breakBefore)) before.push(element);
    if (forced(style.breakAfter)) after.push(element);
  }
  // A change of named page (`page: chapter-2`) is a forced page break between siblings of the body.
  let previousPage: string | undefined;
  for (const element of Array.from(body.children)) {
    const style = getComputedStyle(element);
    if (style.display === 'none') continue;
    const name = style.getPropertyValue('page') || 'auto';
    if (previousPage !== undefined && name !== previousPage && element instanceof HTMLElement) before.push(element);
    previousPage = name;
  }
  for (const element of before) element.style.setProperty('break-before', 'column', 'important');
  for (const element of after) element.style.setProperty('break-after', 'column', 'important');
  const end = document.createElement('div');
  end.style.cssText = 'height: 0; margin: 0; padding: 0;';
  body.append(end);
  // One column as wide as the text block; what does not fit runs into overflow columns to its right.
  body.style.cssText += `; margin: 0 !important; padding: 0 !important; border: 0 !important; box-sizing: content-box !important; width: ${widthMm}mm !important; height: ${heightMm}mm !important; column-count: 1 !important; column-gap: 0 !important; column-fill: auto !important; overflow: visible !important;`;
  const origin = body.getBoundingClientRect().left;
  const pitch = body.getBoundingClientRect().width;
  // A block starts at its column's left edge or right of it; a pixel of slack for rounding.
  const columnOf = (element: Element): number | undefined => {
    const rect = element.getClientRects()[0];
    return rect ? Math.floor((rect.left - origin + 1) / pitch) : undefined;
  };
  const pages: Record<string, number> = {};
  for (const id of ids) {
    const element = document.getElementById(id);
    const column = element ? columnOf(element) : undefined;
    if (column !== undefined) pages[id] = column + 1;
  }
  return { pages, pageCount: (columnOf(end) ?? 0) + 1 };
}
