import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Temp directories carry the build's PID in their name (`parallel-press-work-4242-AbC123`). A
 * build stopped by SIGKILL (the OOM killer, a CI timeout) runs no cleanup at all; the next build
 * recognises what it left by the prefix and removes every directory whose process is gone.
 */
const PREFIX = 'parallel-press-';
const OWNED = /^parallel-press-([a-z]+)-(\d+)-[A-Za-z0-9]{6}$/;

export function ownTempDir(kind: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `${PREFIX}${kind}-${process.pid}-`));
}

/**
 * Removes the temp directories of builds that no longer run; `beforeRemove` may first stop what
 * still uses one (an orphaned Chromium on its profile). Returns the directories removed.
 */
export async function sweepOrphans(beforeRemove: (dir: string, kind: string) => void = () => undefined): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(os.tmpdir());
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = OWNED.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    const dir = path.join(os.tmpdir(), name);
    beforeRemove(dir, match[1] ?? '');
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
