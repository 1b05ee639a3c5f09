import { UserError } from '../diagnostics/index.js';

/** Long enough for a 1,000-page book on a loaded 2-core machine (~16 s), short enough to notice a hang. */
export const DEFAULT_STAGE_TIMEOUT_MS = 120_000;

export const TIMEOUT_ENV = 'PARALLEL_PRESS_TIMEOUT_MS';

/**
 * How long one stage (starting Chromium, loading a print page, printing it) may take before the
 * build gives up: `--timeout`, else PARALLEL_PRESS_TIMEOUT_MS, else two minutes.
 */
export function stageTimeoutMs(option: number | string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return parseTimeout(String(option), '--timeout');
  const fromEnv = env[TIMEOUT_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return parseTimeout(fromEnv, TIMEOUT_ENV);
  return DEFAULT_STAGE_TIMEOUT_MS;
}

function parseTimeout(text: string, source: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && value > 0) return value;
  throw new UserError({
    file: source,
    severity: 'error',
    ruleId: 'timeout-invalid',
    message: `${source} is \`${text}\`: expected a whole number of milliseconds above 0, e.g. 300000 for five minutes`,
  });
}
