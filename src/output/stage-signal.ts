import { UserError } from '../diagnostics/index.js';
import { TIMEOUT_ENV } from '../config/stage-timeout.js';

/**
 * Cancellation of one Chromium stage (starting it, loading a page, printing, measuring,
 * photographing a cover). The build's signal says "stop" (Ctrl-C, a newer change in build --watch);
 * the stage adds its own time limit. Whichever aborts first decides, and its reason says which:
 * a timeout is known from the signal, never guessed from the time that went by.
 */
export function stageSignal(build: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return build ? AbortSignal.any([build, timeout]) : timeout;
}

/** The reason of a signal that AbortSignal.timeout aborted. */
export function isTimeout(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === 'TimeoutError';
}

/**
 * Settles as `work` does, or rejects with the signal's reason as soon as it aborts: Chromium calls
 * that take no signal (print, screenshot, evaluate) stop being waited for. What `work` does later
 * is ignored; the caller closes the page or the browser, which ends it.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason as unknown);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      reject(signal.reason as unknown);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * What a failed stage throws: the build's own reason when the build was stopped (the command
 * knows what to say), `print-timeout` when the stage ran out of time, a user error as it is, and
 * anything else as `print-failed`. `what` completes "Chromium failed while …".
 */
export function stageError(error: unknown, build: AbortSignal | undefined, stage: AbortSignal, where: { what: string; outPath: string; timeoutMs: number }): unknown {
  if (build?.aborted) return build.reason as unknown;
  if (stage.aborted && isTimeout(stage.reason)) {
    return new UserError({
      file: where.outPath,
      severity: 'error',
      ruleId: 'print-timeout',
      message: `Chromium did not finish ${where.what} within the stage timeout of ${(where.timeoutMs / 1000).toFixed(1)} s, so it was stopped: the previous output was left untouched; a very long book may need more time (\`build --timeout MS\` or ${TIMEOUT_ENV}), otherwise Chromium is hanging (check \`chromium --version\`).`,
    });
  }
  if (error instanceof UserError) return error;
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new UserError({
    file: where.outPath,
    severity: 'error',
    ruleId: 'print-failed',
    message: `Chromium failed while ${where.what} (${reason}): the previous output was left untouched; retry, and if it persists check that Chromium runs (\`chromium --version\`).`,
  });
}
