import { checkBook } from '../check/check-book.js';
import { openDiskCache } from '../manuscript/disk-cache.js';
import { diagnosticsToJson, formatDiagnostics, hasErrors, summarise } from '../diagnostics/index.js';
import { EXIT_OK, EXIT_USER_ERROR, runCommand } from './run-command.js';

export interface CheckCommandOptions {
  json?: boolean;
  /** false with --no-cache: parse every file and leave build/.cache alone. */
  cache?: boolean;
}

export async function checkCommand(bookDir: string, options: CheckCommandOptions): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const persistent = options.cache === false ? undefined : await openDiskCache(bookDir);
    const { diagnostics } = await checkBook(bookDir, persistent ? { cache: persistent.cache } : {});
    await persistent?.save();
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
