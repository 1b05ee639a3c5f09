import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolveEditions } from '../config/schema.js';
import { UserError } from '../diagnostics/index.js';
import type { DocumentCache } from '../manuscript/document-cache.js';
import { TEMPLATES_DIR } from '../paths.js';
import { affectedEditions } from '../pipeline/affected-editions.js';
import { buildBook, type BuildOptions, type BuildResult } from '../pipeline/build-book.js';
import { watchBook } from './book-watcher.js';
import type { Pagination } from '../layout/pagination.js';

export interface WatchBuildOptions extends BuildOptions {
  cache: DocumentCache;
  templatesDir?: string;
  /** Before each rebuild: the editions about to be built and the files that changed. */
  onStart?: (editions: string[], changed: string[]) => void;
  /** After each build: its result, or the user error that stopped it (previous outputs untouched). */
  onBuild: (outcome: { result: BuildResult } | { error: UserError }, ms: number) => void;
  /** A bug (not a problem with the book): reported, and watching goes on. */
  onInternalError: (error: unknown) => void;
}

export interface BuildWatcher {
  /** Stops watching once the build under way, if any, has finished. */
  close(): Promise<void>;
}

/**
 * `build --watch`: builds, then rebuilds whenever the book changes, only the editions the change
 * can affect, with one parse cache for the whole session (unchanged files are never parsed again).
 */
export async function watchBuild(options: WatchBuildOptions): Promise<BuildWatcher> {
  const bookDir = path.resolve(options.bookDir);
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const requested = options.editions ?? [];
  // Where each PDF edition's chapters fell last time: a rebuild that moves none prints once, not twice.
  const paginations = new Map<string, Pagination>();

  const run = async (changed: string[] | undefined): Promise<void> => {
    let ids = [...requested];
    if (changed) {
      try {
        const bookEditions = resolveEditions(await loadConfig(bookDir));
        const all = bookEditions.filter((e) => requested.length === 0 || requested.includes(e.id));
        ids = affectedEditions(changed, all, { bookDir, templatesDir }, bookEditions).map((e) => e.id);
        if (ids.length === 0) return;
      } catch {
        // book.yaml is broken: the build below reports it.
      }
      options.onStart?.(ids, changed);
    }
    const started = performance.now();
    try {
      const result = await buildBook({ ...options, bookDir, editions: ids, cache: options.cache, paginations });
      options.onBuild({ result }, performance.now() - started);
    } catch (error) {
      if (error instanceof UserError) options.onBuild({ error }, performance.now() - started);
      else options.onInternalError(error);
    }
    options.cache.prune();
  };

  // Watch first, then build: a change saved during the first build is queued, never missed.
  let building: Promise<void> | undefined;
  const queued = new Set<string>();
  const drain = async (): Promise<void> => {
    while (queued.size > 0) {
      const batch = [...queued];
      queued.clear();
      await run(batch);
    }
    building = undefined;
  };
  const watcher = watchBook({
    bookDir,
    templatesDir,
    onChange: (changed) => {
      for (const file of changed) queued.add(file);
      building ??= drain();
    },
    onError: options.onInternalError,
  });
  await watcher.ready;
  building = run(undefined).then(drain);
  await building;
  return {
    async close() {
      await watcher.close();
      queued.clear();
      await building;
    },
  };
}
