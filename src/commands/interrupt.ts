/** Exit codes of a command stopped by a signal: 128 + the signal's number, as shells report it. */
const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type StopSignal = keyof typeof EXIT_CODES;
const SIGNALS = Object.keys(EXIT_CODES) as StopSignal[];

/** After the first signal, how long the command has to clean up before the process exits anyway. */
const GRACE_MS = 10_000;

/** The reason a command's signal aborts with when Ctrl-C, `kill` or a closed terminal stops it. */
export class Interrupted extends Error {
  constructor(readonly signal: StopSignal) {
    super(`stopped by ${signal}`);
    this.name = 'Interrupted';
  }

  get exitCode(): number {
    return EXIT_CODES[this.signal];
  }
}

function stoppedMessage(signal: StopSignal): string {
  return `\nparallel-press: stopped by ${signal}; Chromium and temp files removed, previous outputs untouched\n`;
}

/**
 * Runs a command body with the one AbortController of the process: SIGINT, SIGTERM and SIGHUP
 * abort it, and everything the body started (a build, its Chromium, build --watch, preview) stops
 * through that signal and cleans up after itself. A body stopped that way exits 130 / 143 / 129
 * with one line; a second signal, or cleanup taking longer than 10 s, exits at once.
 */
export async function withInterrupts(body: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const onSignal = (signal: StopSignal) => {
    if (controller.signal.aborted) {
      process.stderr.write(stoppedMessage(signal));
      process.exit(EXIT_CODES[signal]);
    }
    controller.abort(new Interrupted(signal));
    setTimeout(() => {
      process.stderr.write(stoppedMessage(signal));
      process.exit(EXIT_CODES[signal]);
    }, GRACE_MS).unref();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    return await body(controller.signal);
  } catch (error) {
    const reason: unknown = controller.signal.reason;
    // Whatever failed once the command was stopped failed because of it.
    if (reason instanceof Interrupted) {
      process.stderr.write(stoppedMessage(reason.signal));
      return reason.exitCode;
    }
    throw error;
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}
