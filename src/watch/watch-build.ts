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
  /** A rebuild stopped because a newer change arrived: a rebuild with both changes follows. */
  onSuperseded?: (editions: string[]) => void;
  /** A bug (not a problem with the book): reported, and watching goes on. */
  onInternalError: (error: unknown) => void;
}

/** Why a rebuild was stopped: a newer change makes its outputs out of date before they exist. */
export class RebuildSuperseded extends Error {
  constructor() {
    super('a newer change arrived');
    this.name = 'RebuildSuperseded';
  }
}

export interface BuildWatcher {
  /** Stops watching, and the build under way, if any (as `signal` does). */
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

  // The build under way: a newer change aborts it (Chromium killed, nothing written) and the next
  // one builds both changes; options.signal (Ctrl-C) aborts it for good.
  let current: AbortController | undefined;
  let closed = false;
  /** False when the build was superseded and its changes must be built again. */
  const run = async (changed: string[] | undefined): Promise<boolean> => {
    let ids = [...requested];
    if (changed) {
      try {
        const bookEditions = resolveEditions(await loadConfig(bookDir));
        const all = bookEditions.filter((e) => requested.length === 0 || requested.includes(e.id));
        ids = affectedEditions(changed, all, { bookDir, templatesDir }, bookEditions).map((e) => e.id);
        if (ids.length === 0) return true;
      } catch {
        // book.yaml is broken: the build below reports it.
      }
      options.onStart?.(ids, changed);
    }
    const started = performance.now();
    const controller = (current = new AbortController());
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    try {
      const result = await buildBook({ ...options, bookDir, editions: ids, cache: options.cache, paginations, signal });
      options.onBuild({ result }, performance.now() - started);
    } catch (error) {
      if (signal.aborted) {
        if (options.signal?.aborted || closed) return true;
        options.onSuperseded?.(ids);
        return false;
      }
      if (error instanceof UserError) options.onBuild({ error }, performance.now() - started);
      else options.onInternalError(error);
    } finally {
      current = undefined;
      options.cache.prune();
    }
    return true;
  };

  // Watch first, then build: a change saved during the first build is queued, never missed.
  let building: Promise<void> | undefined;
  const queued = new Set<string>();
  // The first build (every requested edition) is owed until one finishes.
  let full = true;
  const drain = async (): Promise<void> => {
    while ((full || queued.size > 0) && !options.signal?.aborted && !closed) {
      const batch = full ? undefined : [...queued];
      const wasFull = full;
      full = false;
      queued.clear();
      if (!(await run(batch))) {
        if (wasFull) full = true;
        else batch?.forEach((file) => queued.add(file));
      }
    }
    building = undefined;
  };
  const watcher = watchBook({
    bookDir,
    templatesDir,
    onChange: (changed) => {
      for (const file of changed) queued.add(file);
      current?.abort(new RebuildSuperseded());
      building ??= drain();
    },
    onError: options.onInternalError,
  });
  await watcher.ready;
  building = drain();
  await building;
  return {
    async close() {
      closed = true;
      await watcher.close();
      queued.clear();
      current?.abort(new RebuildSuperseded());
      await building;
    },
  };
}
