import { rm } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolveEditions, type BookConfig, type Edition } from '../config/schema.js';
import { hasErrors, UserError, type Diagnostic } from '../diagnostics/index.js';
import { buildDate } from '../layout/i18n.js';
import type { RenderContext } from '../layout/blocks.js';
import { lintBookInTurns } from '../lint/index.js';
import type { DocumentCache } from '../manuscript/document-cache.js';
import { loadBook } from '../manuscript/load.js';
import type { Book } from '../manuscript/model.js';
import { chapterAnchor } from '../layout/chapter-parts.js';
import type { Pagination } from '../layout/pagination.js';
import { ensureOutputDir } from '../fs/atomic.js';
import { launchBrowser, STARTUP_PAGES, type PrintBrowser } from '../output/browser.js';
import { fontProblems } from '../output/font-check.js';
import { ownTempDir, sweepOrphans } from '../fs/orphans.js';
import { killProfileProcesses } from '../output/kill-profile.js';
import { TEMPLATES_DIR } from '../paths.js';
import { finalGate } from './final-gate.js';
import { assertOwnManifest, writeManifest, type ManifestEntry } from './manifest.js';
import { stageTimeoutMs } from '../config/stage-timeout.js';
import { editionContext } from '../layout/edition-view.js';

type OutputStages = typeof import('./output-stages.js');

export interface BuildOptions {
  bookDir: string;
  /** Edition ids to build; all when empty. */
  editions?: readonly string[];
  /** Output directory; default BOOK_DIR/build. */
  outDir?: string;
  /** Parsed files from earlier runs (build --watch, build/.cache): unchanged files are not parsed again. */
  cache?: DocumentCache;
  /** Also write the printer's PDF/X file of every PDF edition (`--press`), not only of those with `press: true`. */
  press?: boolean;
  /** Settled paginations by edition id, read and updated: build --watch keeps them between rebuilds. */
  paginations?: Map<string, Pagination>;
  /** Reports progress between stages; stages themselves never print. */
  onProgress?: (event: ProgressEvent) => void;
  /** Per-stage limit for Chromium (start, load, print); default PARALLEL_PRESS_TIMEOUT_MS or two minutes. */
  timeoutMs?: number;
  /** `--final`: refuse to build while a translation section is draft or needs review (as book.yaml `final: true`). */
  final?: boolean;
  /**
   * Stops the build (Ctrl-C, a newer change in build --watch): Chromium is killed, the work
   * directory removed, no output replaced, and the build rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

/** `config`, `manuscript`, then per edition its format (`pdf`, `epub`) when it starts and `done` when written. */
export interface ProgressEvent {
  stage: string;
  edition?: string;
  /** The edition's place among those being built, from 1, and how many there are. */
  index?: number;
  total?: number;
  /** Pages of a printed edition, with `done`. */
  pages?: number;
}

export interface BuildResult {
  outDir: string;
  editions: ManifestEntry[];
  diagnostics: Diagnostic[];
}

/** config → manuscript → layout → print, for every requested edition, one Chromium for all PDFs. */
export async function buildBook(options: BuildOptions): Promise<BuildResult> {
  options.signal?.throwIfAborted();
  const bookDir = path.resolve(options.bookDir);
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: 'config' });
  const config = await loadConfig(bookDir);
  const editions = selectEditions(config, options.editions ?? []);
  const timeoutMs = stageTimeoutMs(options.timeoutMs);
  const { signal } = options;
  signal?.throwIfAborted();
  // Chromium starts while the manuscript is parsed and checked, and is awaited when the first edition
  // needs it; the build's signal stops its start like any other Chromium stage.
  let launching: Promise<PrintBrowser> | undefined = editions.some((e) => e.format === 'pdf') ? launchBrowser({ timeoutMs, signal }) : undefined;
  launching?.catch(() => undefined); // its failure is reported where it is awaited
  // Its first pages open meanwhile too.
  void launching?.then((browser) => browser.warm(STARTUP_PAGES)).catch(() => undefined);
  const closeBrowser = async () => (await launching?.catch(() => undefined))?.close();
  const loadingStages = import('./output-stages.js');
  loadingStages.catch(() => undefined);
  const outDir = path.resolve(options.outDir ?? path.join(bookDir, 'build'));
  let book: Book;
  let stages: OutputStages;
  try {
    progress({ stage: 'manuscript' });
    book = await loadBook(bookDir, config, [...new Set(editions.flatMap((e) => e.languages))], options.cache ? { cache: options.cache } : {});
    // The same rules as `check`; only errors stop a build, and infos are for `check` to show.
    book.diagnostics.push(...(await lintBookInTurns(book, signal)).filter((d) => d.severity !== 'info'));
    book.diagnostics.push(...(await fontProblems(book, editions, TEMPLATES_DIR)));
    if (options.final || config.final) book.diagnostics.push(...finalGate(book, [...new Set(editions.flatMap((e) => e.languages))]));
    if (hasErrors(book.diagnostics)) throw new UserError(book.diagnostics);
    signal?.throwIfAborted();
    // The directory first: a file standing where it should be is named as such, not as a foreign manifest.
    await ensureOutputDir(outDir);
    await assertOwnManifest(outDir, bookDir);
    // What a build killed by SIGKILL left in the temp folder (its Chromium too, if still running).
    await sweepOrphans((dir) => killProfileProcesses(dir));
    stages = await loadingStages;
  } catch (error) {
    await closeBrowser();
    throw error;
  }
  const { buildEpubEdition, layoutOf, printEdition, PrintPagesSource } = stages;

  const workDir = await ownTempDir('work');
  const date = buildDate();
  const openBrowser = () => (launching ??= launchBrowser({ timeoutMs, signal }));
  const allowedRoots = [bookDir, TEMPLATES_DIR, workDir];
  const printPages = new PrintPagesSource({ editions: resolveEditions(config), book, date, templatesDir: TEMPLATES_DIR, workDir, allowedRoots, browser: openBrowser, timeoutMs, signal });
  const built: ManifestEntry[] = [];
  try {
    for (const [position, edition] of editions.entries()) {
      const step = { edition: edition.id, index: position + 1, total: editions.length };
      signal?.throwIfAborted();
      progress({ stage: edition.format, ...step });
      const started = performance.now();
      const outPath = path.join(outDir, `${edition.id}.${edition.format}`);
      const context = editionContext(book, edition, date);
      switch (edition.format) {
        case 'pdf': {
          const printer = await openBrowser();
          signal?.throwIfAborted();
          const previous = layoutOf(edition).reusesPagination ? options.paginations?.get(edition.id) : undefined;
          const printed = await printEdition({ browser: printer, edition, context, templatesDir: TEMPLATES_DIR, workDir, outPath, allowedRoots, timeoutMs, signal, ...(previous ? { previous } : {}) });
          options.paginations?.set(edition.id, printed.pagination);
          printPages.record(edition.id, printed);
          for (const url of printed.blocked) {
            book.diagnostics.push({ file: outPath, severity: 'warning', ruleId: 'request-blocked', message: `The print page asked for ${url.slice(0, 80)}, which was blocked: a book only loads its own files` });
          }
          const press = edition.press || options.press ? await pressEdition(stages, printed.pdf, outDir, edition, book, context, workDir) : undefined;
          built.push({ ...entry(edition, outDir, outPath, printed.bytes, started, printed.pages), chapterPages: chapterPages(book, printed.pagination), passes: printed.timings.print.length, ...(printed.timings.loads !== undefined ? { loads: printed.timings.loads } : {}), mispredictions: printed.mispredictions, ...(printed.repairs !== undefined ? { repairs: printed.repairs } : {}), ...(press ? { press } : {}) });
          progress({ stage: 'done', ...step, pages: printed.pages });
          break;
        }
        case 'epub': {
          const pages = edition.pageBreaksFrom ? await printPages.pagesOf(edition.pageBreaksFrom) : undefined;
          const written = await buildEpubEdition({ edition, context, templatesDir: TEMPLATES_DIR, workDir, outPath, browser: openBrowser, printPages: pages, timeoutMs, signal });
          built.push(entry(edition, outDir, outPath, written.bytes, started));
          progress({ stage: 'done', ...step });
          break;
        }
        default:
          edition satisfies never;
      }
    }
  } finally {
    await closeBrowser();
    await rm(workDir, { recursive: true, force: true });
  }
  signal?.throwIfAborted();
  await writeManifest(outDir, built);
  return { outDir, editions: built, diagnostics: book.diagnostics };
}

function selectEditions(config: BookConfig, ids: readonly string[]): Edition[] {
  const all = resolveEditions(config);
  if (ids.length === 0) return all;
  const unknown = ids.filter((id) => !all.some((e) => e.id === id));
  if (unknown.length > 0) {
    throw new UserError({
      file: 'book.yaml',
      severity: 'error',
      ruleId: 'edition-unknown',
      message: `Unknown edition ${unknown.map((id) => `\`${id}\``).join(', ')}: expected one of ${all.map((e) => e.id).join(', ')} (the ids under \`editions\` in book.yaml)`,
    });
  }
  return all.filter((e) => ids.includes(e.id));
}

async function pressEdition({ writePressPdf, applyPdfMetadata, pdfMetadata }: OutputStages, screen: Uint8Array, outDir: string, edition: Edition, book: Book, context: RenderContext, workDir: string): Promise<{ path: string; bytes: number }> {
  const outPath = path.join(outDir, `${edition.id}.press.pdf`);
  const { bytes } = await writePressPdf({ screen, workDir, outPath, restoreMetadata: (document) => applyPdfMetadata(document, pdfMetadata(book, edition, context.date)) });
  return { path: path.relative(outDir, outPath), bytes };
}

function chapterPages(book: Book, pagination: Pagination): Record<string, number> {
  return Object.fromEntries(book.chapters.flatMap((c) => {
    const page = pagination.pages.get(chapterAnchor(c));
    return page === undefined ? [] : [[c.name, page]];
  }));
}

function entry(edition: Edition, outDir: string, outPath: string, bytes: number, started: number, pages?: number): ManifestEntry {
  return {
    id: edition.id,
    format: edition.format,
    path: path.relative(outDir, outPath),
    languages: edition.languages,
    bytes,
    ...(pages !== undefined ? { pages } : {}),
    ms: Math.round(performance.now() - started),
  };
}

