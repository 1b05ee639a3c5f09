import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { BookConfig } from '../config/schema.js';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { lintBookInTurns } from '../lint/index.js';
import type { DocumentCache } from '../manuscript/document-cache.js';
import { loadBook } from '../manuscript/load.js';
import type { Book } from '../manuscript/model.js';

export interface CheckedBook {
  /** Undefined when book.yaml is missing or invalid (the diagnostics say why). */
  config: BookConfig | undefined;
  book: Book | undefined;
  /** Everything `check` reports: config problems, or the loader's and every lint rule's findings. */
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** Parsed files from earlier runs: preview and `build --watch` keep one. */
  cache?: DocumentCache;
}

/**
 * The `check` stage as a value: config and manuscript loaded, every finding a diagnostic, nothing
 * thrown for a broken book. `check`, `preview` and `build --watch` all report what this returns.
 */
export async function checkBook(bookDir: string, options: CheckOptions = {}): Promise<CheckedBook> {
  const dir = path.resolve(bookDir);
  let config: BookConfig;
  try {
    config = await loadConfig(dir);
  } catch (error) {
    if (error instanceof UserError) return { config: undefined, book: undefined, diagnostics: error.diagnostics };
    throw error;
  }
  const book = await loadBook(dir, config, config.languages, options.cache ? { cache: options.cache } : {});
  return { config, book, diagnostics: [...book.diagnostics, ...(await lintBookInTurns(book))] };
}
