import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE } from '../config/load.js';
import { MANUSCRIPT_DIR, TRANSLATIONS_DIR } from '../manuscript/load.js';

export interface WatchOptions {
  bookDir: string;
  /** The templates the outputs are made with (print.css…): a change there re-renders too. */
  templatesDir: string;
  /** Called once a burst of changes has been quiet for `debounceMs`, with the absolute paths that changed. */
  onChange: (changed: string[]) => void;
  onError?: (error: Error) => void;
  /** Editors save in bursts (temp file, rename, chmod): wait this long after the last event. */
  debounceMs?: number;
}

export interface BookWatcher {
  /** Resolves when the initial scan is done: changes after this are reported. */
  ready: Promise<void>;
  /** Also watch these files or directories (e.g. where the book's images are). */
  add(paths: readonly string[]): void;
  close(): Promise<void>;
}

/** Editor droppings that are not part of the book: swap, backup and lock files. */
const SCRATCH = /(^|[/\\])(\.[^/\\]+|[^/\\]*~|[^/\\]*\.sw[a-p]|4913)$/;

/**
 * Watches what a book is made of: book.yaml, manuscript/, translations/, the templates, and any
 * directory `add`ed later. Never the whole book directory: a book may live next to node_modules.
 */
export function watchBook(options: WatchOptions): BookWatcher {
  const bookDir = path.resolve(options.bookDir);
  const watched = new Set([path.join(bookDir, CONFIG_FILE), path.join(bookDir, MANUSCRIPT_DIR), path.join(bookDir, TRANSLATIONS_DIR), path.resolve(options.templatesDir)]);
  const watcher: FSWatcher = watch([...watched], {
    ignoreInitial: true,
    ignored: (file: string) => SCRATCH.test(file) || file.split(path.sep).includes('node_modules'),
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const debounceMs = options.debounceMs ?? 40;
  watcher.on('all', (_event, file) => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending.clear();
      options.onChange(changed);
    }, debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    add(paths) {
      const fresh = paths.map((p) => path.resolve(p)).filter((p) => !watched.has(p));
      for (const p of fresh) watched.add(p);
      if (fresh.length > 0) watcher.add(fresh);
    },
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
