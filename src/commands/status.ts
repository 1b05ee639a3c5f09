import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { loadBook } from '../manuscript/load.js';
import { bookProgress } from '../status/progress.js';
import { formatProgress } from '../status/table.js';
import { EXIT_OK, runCommand } from './run-command.js';

/**
 * Per language and chapter: what is translated, stale, untranslated or missing, and how many words.
 * A report, not a check: it exits 0 whatever it finds (unless the book cannot be read at all).
 */
export async function statusCommand(bookDir: string, options: { json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const config = await loadConfig(path.resolve(bookDir));
    const book = await loadBook(bookDir, config);
    const progress = bookProgress(book);
    process.stdout.write(json ? `${JSON.stringify(progress, null, 2)}\n` : `${formatProgress(progress)}\n`);
    return EXIT_OK;
  });
}
