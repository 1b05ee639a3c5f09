import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, copyBook, FIXTURES, ROOT, runCli } from './helpers/cli.js';

/**
 * Issue 19, class 8: SIGKILL mid-build kept the outputs intact but left the Chromium profile and the
 * work directory in the temp folder for ever. Their names carry the build's PID; the next build
 * removes those whose process is gone (and any Chromium still running on such a profile).
 */
const MINI = path.join(FIXTURES, 'books/mini');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const leftBy = async (pid: number) => (await readdir(os.tmpdir())).filter((name) => name.startsWith('parallel-press-') && name.includes(`-${pid}-`));

function processesOn(marker: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('temp directories of a killed build', () => {
  it('are removed by the next build, with the outputs intact', async () => {
    const book = await copyBook(MINI);
    dirs.push(book);
    expect((await runCli(['build', book, '--edition', 'mini-print'])).code).toBe(0);
    const previous = await readFile(path.join(book, 'build/mini-print.pdf'));

    const child = spawn(process.execPath, [CLI, 'build', book, '--edition', 'mini-print'], { cwd: ROOT, stdio: 'ignore' });
    const pid = child.pid ?? 0;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill it once both its work directory and its Chromium profile exist: mid-build.
    const started = Date.now();
    while ((await leftBy(pid)).length < 2 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
    const left = await leftBy(pid);
    expect(left.map((name) => name.replace(/-\d+-\w+$/, '')).sort()).toEqual(['parallel-press-chromium', 'parallel-press-work']);
    child.kill('SIGKILL');
    await exited;
    expect((await leftBy(pid)).length).toBeGreaterThan(0);

    expect((await runCli(['build', book, '--edition', 'mini-print'])).code).toBe(0);
    expect(await leftBy(pid)).toEqual([]);
    for (const name of left) expect(processesOn(path.join(os.tmpdir(), name))).toEqual([]);
    const now = await readFile(path.join(book, 'build/mini-print.pdf'));
    expect(now.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Math.abs(now.length - previous.length)).toBeLessThan(previous.length / 10);
  }, 180_000);
});
