import { UserError } from '../diagnostics/index.js';
import { TIMEOUT_ENV } from '../config/stage-timeout.js';

/**
 * Runs a print whose Chromium calls are bounded by `timeoutMs` and, when it failed because that
 * time ran out, says so: "Navigation timeout" or "Runtime.evaluate timed out" alone does not tell
 * a publisher that Chromium hung, nor which setting gives a very long book more time.
 */
export async function printWithin<T>(timeoutMs: number, editionId: string, outPath: string, print: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await print();
  } catch (error) {
    const elapsed = performance.now() - started;
    if (!(error instanceof UserError) || error.diagnostics[0]?.ruleId !== 'print-failed' || elapsed < timeoutMs * 0.9) throw error;
    throw new UserError({
      file: outPath,
      severity: 'error',
      ruleId: 'print-timeout',
      message: `Chromium did not finish printing edition ${editionId} within the stage timeout of ${(timeoutMs / 1000).toFixed(1)} s, so it was stopped: the previous output was left untouched; a very long book may need more time (\`build --timeout MS\` or ${TIMEOUT_ENV}), otherwise Chromium is hanging (check \`chromium --version\`).`,
    });
  }
}
