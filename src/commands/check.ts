import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { diagnosticsToJson, formatDiagnostics, hasErrors, summarise } from '../diagnostics/index.js';
import { lintBook } from '../lint/index.js';
import { loadBook } from '../manuscript/load.js';
import { EXIT_OK, EXIT_USER_ERROR, runCommand } from './run-command.js';

/** Loads the book and runs every lint rule: exit 1 when any finding is an error. */
export async function checkCommand(bookDir: string, options: { json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const config = await loadConfig(path.resolve(bookDir));
    const book = await loadBook(bookDir, config);
    const diagnostics = [...book.diagnostics, ...lintBook(book)];
    const failed = hasErrors(diagnostics);
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: !failed, diagnostics: diagnosticsToJson(diagnostics) }, null, 2)}\n`);
    } else {
      if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
      process.stderr.write(`${summarise(diagnostics)}\n`);
    }
    return failed ? EXIT_USER_ERROR : EXIT_OK;
  });
}
