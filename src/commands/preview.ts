import { formatDiagnostics, summarise, UserError } from '../diagnostics/index.js';
import type { PreviewRender } from '../preview/preview-book.js';
import { startPreview } from '../preview/preview-server.js';
import { withInterrupts } from './interrupt.js';
import { EXIT_OK, runCommand } from './run-command.js';

export const DEFAULT_PREVIEW_PORT = 4700;

export interface PreviewCommandOptions {
  edition?: string;
  port?: string;
}

/** `parallel-press preview`: serves until Ctrl-C, then closes the watcher and the server and exits 0. */
export async function previewCommand(bookDir: string, options: PreviewCommandOptions): Promise<void> {
  await runCommand(false, () => withInterrupts(async (signal) => {
    const port = parsePort(options.port);
    let printed = '';
    const onRender = (render: PreviewRender): void => {
      // The full list only when it changed; a one-line summary on every rebuild.
      const report = formatDiagnostics(render.diagnostics);
      if (report !== printed && report !== '') process.stderr.write(`${report}\n`);
      printed = report;
      process.stderr.write(`${clock()} rendered ${render.edition ?? 'nothing yet'} in ${render.ms} ms: ${summarise(render.diagnostics)}\n`);
    };
    const server = await startPreview({
      bookDir,
      edition: options.edition,
      port,
      onRender,
      onError: (error) => process.stderr.write(`parallel-press preview: internal error (please report it): ${error.stack ?? error.message}\n`),
    });
    process.stdout.write(`parallel-press preview: ${server.url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    await server.close();
    process.stderr.write('parallel-press preview: stopped\n');
    return EXIT_OK;
  }));
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PREVIEW_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UserError({ file: '--port', severity: 'error', ruleId: 'preview-port', message: `Invalid port \`${text}\`: expected a number from 0 to 65535 (0 picks a free port)` });
  }
  return port;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
