import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/index.js';
import type { PageGeometry } from '../layout/page-geometry.js';
import { diagnosticsOverlay } from './overlay.js';
import { isWithin } from './static-files.js';

/** URL prefixes of the preview server. */
export const ROUTES = { book: '/__book/', templates: '/__templates/', assets: '/__preview/', events: '/__preview/events' } as const;
export const VERSION_META = 'parallel-press-preview';

export interface ServedRoots {
  bookDir: string;
  templatesDir: string;
}

/**
 * The print HTML loads its stylesheet and images by file: URL; a page served over http cannot.
 * Points every file: URL inside the templates or the book at the server's routes, in place, and
 * returns the files it pointed at (the preview watches them). Anything else stays a file: URL,
 * which the browser refuses to load from an http page.
 */
export function servePaths(tree: Root, roots: ServedRoots): string[] {
  const files: string[] = [];
  visit(tree, 'element', (element) => {
    for (const name of ['src', 'href'] as const) {
      const value = element.properties[name];
      if (typeof value !== 'string' || !value.startsWith('file:')) continue;
      const served = servedUrl(value, roots);
      if (!served) continue;
      element.properties[name] = served.url;
      files.push(served.file);
    }
  });
  return files;
}

function servedUrl(url: string, { bookDir, templatesDir }: ServedRoots): { url: string; file: string } | undefined {
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return undefined;
  }
  // Templates first: the repository's own book holds the templates directory.
  for (const [root, prefix] of [[templatesDir, ROUTES.templates], [bookDir, ROUTES.book]] as const) {
    if (isWithin(path.resolve(root), file)) return { url: prefix + path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/'), file };
  }
  return undefined;
}

export interface PreviewPageOptions {
  /** The last print document that could be made (already passed through servePaths), if any. */
  printed: Root | undefined;
  diagnostics: readonly Diagnostic[];
  /** Changes on every rebuild; the client reloads when the server announces another. */
  version: string;
  /** The page of the edition shown: the size of a sheet and its margins. */
  geometry: PageGeometry | undefined;
}

/**
 * The print document plus what only the preview has: the diagnostics overlay, the screen
 * stylesheet that lays chapters out as sheets of the trim size, and the live-reload script.
 * `printed` itself is left untouched: it is shown again, under a new overlay, while the book is broken.
 */
export function previewPage({ printed, diagnostics, version, geometry }: PreviewPageOptions): Root {
  const overlay = diagnosticsOverlay(diagnostics);
  const head: ElementContent[] = [
    h('meta', { name: VERSION_META, content: version }),
    h('link', { rel: 'stylesheet', href: `${ROUTES.assets}preview.css` }),
    ...(geometry ? [h('style', sheetCss(geometry))] : []),
    h('script', { src: `${ROUTES.assets}client.js`, defer: true }),
  ];
  const html = printed?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  if (!printed || !html) {
    const body = [overlay ?? h('p'), h('p', { className: ['pp-waiting'] }, 'The book cannot be shown until the errors above are fixed; this page reloads by itself.')];
    return { type: 'root', children: [{ type: 'doctype' }, h('html', [h('head', [h('meta', { charset: 'utf-8' }), h('title', 'parallel-press preview'), ...head]), h('body', { className: ['pp-broken'] }, body)])] };
  }
  const children = html.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'head') return { ...child, children: [...child.children, ...head] };
    if (child.tagName === 'body') return { ...child, children: [...(overlay ? [overlay] : []), ...child.children] };
    return child;
  });
  return { ...printed, children: printed.children.map((node) => (node === html ? { ...html, children } : node)) } as Root;
}

/** The sheet of the preview: the edition's page size and margins, the very numbers its @page rules print with. */
function sheetCss({ page, margins }: PageGeometry): string {
  const vars = { 'trim-width': page.widthMm, 'trim-height': page.heightMm, 'margin-top': margins.top, 'margin-bottom': margins.bottom, 'margin-inner': margins.inner, 'margin-outer': margins.outer };
  return `:root { ${Object.entries(vars).map(([name, mm]) => `--pp-${name}: ${mm}mm;`).join(' ')} }`;
}
