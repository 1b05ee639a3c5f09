import path from 'node:path';
import { buildBook, type BuildOptions, type BuildResult } from '../pipeline/build-book.js';
import { progressReporter } from '../pipeline/progress.js';
import { watchBuild } from '../watch/watch-build.js';
import { stageTimeoutMs } from '../config/stage-timeout.js';
import { diagnosticsToJson, formatDiagnostics } from '../diagnostics/index.js';
import { openDiskCache } from '../manuscript/disk-cache.js';
import { DocumentCache } from '../manuscript/document-cache.js';
import { withInterrupts } from './interrupt.js';
import { EXIT_OK, runCommand } from './run-command.js';

export interface BuildCommandOptions {
  edition: string[];
  out?: string;
  json?: boolean;
  /** false with --no-cache: parse every file and leave build/.cache alone. */
  cache?: boolean;
  watch?: boolean;
  /** --timeout: per-stage limit for Chromium, in milliseconds. */
  timeout?: string;
  press?: boolean;
  final?: boolean;
}

export async function buildCommand(bookDir: string, options: BuildCommandOptions): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, () => withInterrupts(async (signal) => {
    const persistent = options.cache === false ? undefined : await openDiskCache(bookDir);
    const progress = progressReporter({ stream: process.stderr, json });
    const buildOptions = {
      bookDir,
      editions: options.edition,
      ...(options.out !== undefined ? { outDir: options.out } : {}),
      ...(options.timeout !== undefined ? { timeoutMs: stageTimeoutMs(options.timeout) } : {}),
      ...(options.press ? { press: true } : {}),
      ...(options.final ? { final: true } : {}),
      ...(persistent ? { cache: persistent.cache } : {}),
      ...(progress ? { onProgress: progress.onProgress } : {}),
      signal,
    };
    if (options.watch) return watchCommand({ ...buildOptions, cache: persistent?.cache ?? new DocumentCache() }, json, progress?.finish, persistent?.save);
    let result: BuildResult;
    try {
      result = await buildBook(buildOptions);
    } finally {
      progress?.finish();
      await persistent?.save();
    }
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: true, outDir: result.outDir, editions: result.editions, diagnostics: diagnosticsToJson(result.diagnostics) }, null, 2)}\n`);
      return EXIT_OK;
    }
    if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
    printBuilt(result);
    return EXIT_OK;
  }));
}

function printBuilt(result: BuildResult): void {
  for (const edition of result.editions) {
    const pages = edition.pages !== undefined ? `${edition.pages} pages, ` : '';
    const where = path.relative(process.cwd(), path.join(result.outDir, edition.path)) || edition.path;
    process.stdout.write(`built ${edition.id}: ${where} (${pages}${Math.round(edition.bytes / 1024)} KB, ${(edition.ms / 1000).toFixed(1)} s)\n`);
  }
}

/**
 * `build --watch`: builds, then rebuilds what a change affects until Ctrl-C. A broken book is
 * reported and the previous outputs stay; the watch goes on; a change saved during a rebuild stops
 * it (its Chromium killed, nothing written) and a rebuild with both changes starts. Ctrl-C (the
 * command's signal) stops the rebuild under way the same way and exits 0; a second Ctrl-C exits at once.
 */
async function watchCommand(
  buildOptions: BuildOptions & { cache: DocumentCache; signal: AbortSignal },
  json: boolean,
  finishProgress: (() => void) | undefined,
  saveCache: (() => Promise<void>) | undefined,
): Promise<number> {
  const say = (text: string) => process.stderr.write(`${new Date().toTimeString().slice(0, 8)} ${text}\n`);
  const watcher = await watchBuild({
    ...buildOptions,
    onStart: (editions, changed) => say(`${changed.map((file) => path.relative(path.resolve(buildOptions.bookDir), file) || file).join(', ')} changed: rebuilding ${editions.join(', ')}`),
    onBuild: (outcome, ms) => {
      finishProgress?.();
      if (json) {
        // One JSON document per line and per build.
        const report = 'error' in outcome ? { ok: false, diagnostics: diagnosticsToJson(outcome.error.diagnostics) } : { ok: true, outDir: outcome.result.outDir, editions: outcome.result.editions, diagnostics: diagnosticsToJson(outcome.result.diagnostics) };
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      if ('error' in outcome) {
        process.stderr.write(`${formatDiagnostics(outcome.error.diagnostics)}\n`);
        say(`build failed after ${(ms / 1000).toFixed(1)} s; the previous outputs are untouched. Watching for changes…`);
        return;
      }
      if (outcome.result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(outcome.result.diagnostics)}\n`);
      printBuilt(outcome.result);
      say(`built in ${(ms / 1000).toFixed(1)} s. Watching for changes (Ctrl-C to stop)…`);
    },
    onSuperseded: (editions) => say(`a newer change: the rebuild of ${editions.join(', ')} was stopped`),
    onInternalError: (error) => process.stderr.write(`parallel-press: internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
  });
  const { signal } = buildOptions;
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  say('stopping (Ctrl-C again to quit at once)');
  await watcher.close();
  await saveCache?.();
  return EXIT_OK;
}
