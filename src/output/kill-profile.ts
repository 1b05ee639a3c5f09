import { readdirSync, readFileSync } from 'node:fs';

/**
 * Kills every process whose command line names `marker` (the build's private --user-data-dir).
 * Chromium's own process group covers its renderers, but a launch that failed leaves no handle to
 * kill, and a helper that called setsid() leaves the group: the profile path finds them all.
 * Linux only (/proc); elsewhere it finds nothing and the process-group kill has to do.
 */
export function killProfileProcesses(marker: string): number {
  let killed = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    if (!commandLine.includes(marker)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    } catch {
      // exited meanwhile
    }
  }
  return killed;
}

/**
 * Kills the processes naming `marker` until none is left (or `timeoutMs` has passed), so a profile
 * directory removed next is not written again by a helper forked while the first kill ran.
 * A killed process drops its command line when it exits, so an empty scan means all are gone.
 */
export async function killProfileProcessesUntilGone(marker: string, timeoutMs = 2_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (killProfileProcesses(marker) > 0 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
