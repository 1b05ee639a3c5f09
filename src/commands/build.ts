import path from 'node:path';
import { buildBook } from '../build/build-book.js';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/index.js';
import { EXIT_OK, runCommand } from './run-command.js';

export interface BuildCommandOptions {
  edition: string[];
  out?: string;
  json?: boolean;
}

export async function buildCommand(bookDir: string, options: BuildCommandOptions): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const result = await buildBook({
      bookDir,
      editions: options.edition,
      ...(options.out !== undefined ? { outDir: options.out } : {}),
    });
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: true, outDir: result.outDir, editions: result.editions, diagnostics: diagnosticsToJson(result.diagnostics) }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
    for (const edition of result.editions) {
      const pages = edition.pages !== undefined ? `${edition.pages} pages, ` : '';
      const where = path.relative(process.cwd(), path.join(result.outDir, edition.path)) || edition.path;
      process.stdout.write(`built ${edition.id}: ${where} (${pages}${Math.round(edition.bytes / 1024)} KB, ${(edition.ms / 1000).toFixed(1)} s)\n`);
    }
    return EXIT_OK;
  });
}
