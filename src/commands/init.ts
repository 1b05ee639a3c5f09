import path from 'node:path';
import { formatDiagnostics, hasErrors, diagnosticsToJson } from '../diagnostics/index.js';
import { initBook } from '../init/init-book.js';
import { EXIT_OK, EXIT_USER_ERROR, runCommand } from './run-command.js';

export async function initCommand(bookDir: string, options: { languages: string; title: string; json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const languages = options.languages.split(',').map((lang) => lang.trim()).filter(Boolean);
    const result = await initBook(bookDir, { title: options.title, languages });
    const ok = !hasErrors(result.diagnostics);
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok, dir: result.dir, files: result.files, diagnostics: diagnosticsToJson(result.diagnostics) }, null, 2)}\n`);
    } else {
      for (const file of result.files) process.stdout.write(`created ${path.join(bookDir, file)}\n`);
      if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
      process.stdout.write(`\nNext: edit ${path.join(bookDir, 'book.yaml')} and the chapters, then \`parallel-press build ${bookDir}\`.\n`);
    }
    return ok ? EXIT_OK : EXIT_USER_ERROR;
  });
}
