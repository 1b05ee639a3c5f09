import { stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnosticsToJson, formatDiagnostics, hasErrors } from '../diagnostics/index.js';
import { exportXliff, importXliff } from '../xliff/index.js';
import { EXIT_OK, EXIT_USER_ERROR, runCommand } from './run-command.js';

export async function xliffExportCommand(lang: string, bookDir: string, options: { out?: string; json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const result = await exportXliff({ bookDir, lang, ...(options.out !== undefined ? { out: options.out } : {}) });
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: true, files: result.files }, null, 2)}\n`);
      return EXIT_OK;
    }
    for (const file of result.files) {
      const states = Object.entries(file.states).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state}`).join(', ');
      process.stdout.write(`wrote ${relative(file.path)}: ${file.units} units (${states})${file.stale > 0 ? `, ${file.stale} stale` : ''}\n`);
    }
    const errors = result.bookDiagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) process.stderr.write(`note: \`parallel-press check\` finds ${errors} error(s) in this book; blocks it cannot align have no target in the export\n`);
    return EXIT_OK;
  });
}

/** `xliff import FILE... [BOOK_DIR]`: a trailing argument that is a directory is the book. */
export async function xliffImportCommand(args: string[], options: { json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const last = args.at(-1);
    const lastIsDir = args.length > 1 && last !== undefined && (await stat(last).then((s) => s.isDirectory(), () => false));
    const bookDir = lastIsDir && last !== undefined ? last : '.';
    const files = lastIsDir ? args.slice(0, -1) : args;
    const result = await importXliff(files, bookDir);
    const failed = hasErrors(result.diagnostics);
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: !failed, written: result.written, diagnostics: diagnosticsToJson(result.diagnostics) }, null, 2)}\n`);
      return failed ? EXIT_USER_ERROR : EXIT_OK;
    }
    if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
    if (failed) {
      process.stderr.write('nothing was written: fix the problems above and import again\n');
      return EXIT_USER_ERROR;
    }
    for (const written of result.written) process.stdout.write(`updated ${written.path}: ${written.units.join(', ')}\n`);
    if (result.written.length === 0) process.stdout.write('nothing to import: every target already matches the translation\n');
    return EXIT_OK;
  });
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
