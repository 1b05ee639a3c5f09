import { rmSync } from 'node:fs';

/**
 * What must not outlive the process when Ctrl-C or a `kill` stops a build: Chromium and the
 * temp directories. Cleanups are synchronous because the process exits right after them; the
 * signal handlers exist only while something is registered, so `build --watch` keeps its own
 * Ctrl-C handling while it waits.
 */
const cleanups = new Set<() => void>();
const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

function onSignal(signal: NodeJS.Signals): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort: the others still run.
    }
  }
  cleanups.clear();
  process.stderr.write(`\nparallel-press: stopped by ${signal}; Chromium and temp files removed, previous outputs untouched\n`);
  process.exit(128 + (SIGNALS[signal] ?? 0));
}

/** Runs `cleanup` if a signal stops the process; call the returned function once it is no longer needed. */
export function onInterrupt(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
  };
}

export function removeOnInterrupt(dir: string): () => void {
  return onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
}
