import { diagnosticsToJson, formatDiagnostics, UserError } from '../diagnostics/index.js';

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

/**
 * Runs a command body and turns its outcome into an exit code: user errors print their
 * diagnostics (no stack), anything else is a bug and prints its stack.
 */
export async function runCommand(json: boolean, body: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    if (error instanceof UserError) {
      if (json) process.stdout.write(`${JSON.stringify({ ok: false, diagnostics: diagnosticsToJson(error.diagnostics) }, null, 2)}\n`);
      else process.stderr.write(`${formatDiagnostics(error.diagnostics)}\n`);
      process.exitCode = EXIT_USER_ERROR;
      return;
    }
    process.stderr.write(`parallel-press: internal error (please report it with the book that caused it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_INTERNAL_ERROR;
  }
}
