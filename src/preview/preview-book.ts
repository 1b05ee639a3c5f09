import path from 'node:path';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { checkBook } from '../check/check-book.js';
import { isPdfEdition, resolveEditions, type BookConfig, type PdfEdition } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { buildDate } from '../layout/i18n.js';
import { pageGeometry, type PageGeometry } from '../layout/page-geometry.js';
import { DocumentCache } from '../manuscript/document-cache.js';
import { TEMPLATES_DIR } from '../paths.js';
import { layoutOf } from '../pipeline/layouts.js';
import { previewPage, servePaths } from './preview-page.js';
import { editionContext } from '../layout/edition-view.js';

export interface PreviewRender {
  html: string;
  version: string;
  diagnostics: Diagnostic[];
  /** The edition shown, once one could be chosen. */
  edition: string | undefined;
  /** Book files the page shows (images): worth watching. */
  files: string[];
  ms: number;
}

/**
 * Renders the preview page of one print edition, again and again: the parse cache lives as long as
 * the preview, and the last print document that could be made is kept to show under the overlay
 * while the book is broken.
 */
export class PreviewBook {
  readonly bookDir: string;
  readonly templatesDir: string;
  private readonly editionId: string | undefined;
  readonly cache = new DocumentCache();
  private printed: Root | undefined;
  private geometry: PageGeometry | undefined;
  private shown: string | undefined;
  private files: string[] = [];
  private renders = 0;
  /** Distinguishes this server's versions from a previous run's, so a reconnecting page reloads. */
  private readonly session = Date.now().toString(36);

  constructor(options: { bookDir: string; edition?: string | undefined; templatesDir?: string }) {
    this.bookDir = path.resolve(options.bookDir);
    this.templatesDir = path.resolve(options.templatesDir ?? TEMPLATES_DIR);
    this.editionId = options.edition;
  }

  /** `signal`: a newer change makes this render out of date; it stops before laying the book out. */
  async render(signal?: AbortSignal): Promise<PreviewRender> {
    const started = performance.now();
    const checked = await checkBook(this.bookDir, { cache: this.cache });
    this.cache.prune();
    signal?.throwIfAborted();
    const diagnostics = [...checked.diagnostics];
    if (checked.config && checked.book) {
      const edition = previewEdition(checked.config, this.editionId);
      if ('ruleId' in edition) {
        diagnostics.push(edition);
      } else {
        try {
          // The layout's own document: sheets for columns and interleaved, spreads for facing.
          const printed = layoutOf(edition).document({ edition, context: editionContext(checked.book, edition, buildDate()), templatesDir: this.templatesDir });
          this.files = servePaths(printed, this);
          this.printed = printed;
          this.geometry = pageGeometry(edition);
          this.shown = edition.id;
        } catch (error) {
          // A bug, not a user error; the preview keeps running and says so where the editor looks.
          const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
          diagnostics.push({ file: 'book.yaml', severity: 'error', ruleId: 'preview-internal', message: `parallel-press could not lay out edition ${edition.id} (internal error, please report it): ${reason.split('\n')[0] ?? ''}`, detail: reason });
        }
      }
    }
    const version = `${this.session}-${++this.renders}`;
    const html = toHtml(previewPage({ printed: this.printed, diagnostics, version, geometry: this.geometry }));
    return { html, version, diagnostics, edition: this.shown, files: this.files, ms: Math.round(performance.now() - started) };
  }
}

/** The edition to preview: the one asked for, or the first print edition. Only print editions have pages. */
export function previewEdition(config: BookConfig, id: string | undefined): PdfEdition | Diagnostic {
  const all = resolveEditions(config);
  const print = all.filter(isPdfEdition);
  const chosen = id === undefined ? print[0] : all.find((e) => e.id === id);
  if (chosen?.format === 'pdf') return chosen;
  const expected = print.length > 0 ? `one of the print editions ${print.map((e) => e.id).join(', ')}` : 'a print edition (`format: pdf`) under `editions`';
  const found = id === undefined ? 'no print edition' : chosen ? `\`${id}\`, an EPUB edition` : `unknown edition \`${id}\``;
  return { file: 'book.yaml', severity: 'error', ruleId: 'preview-edition', message: `Preview shows the pages of a print edition; found ${found}: expected ${expected} (pass it with --edition)` };
}
