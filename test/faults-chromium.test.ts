import { execFileSync, spawn } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, copyBook, FIXTURES, hasStackTrace, ROOT, runCli, type CliResult } from './helpers/cli.js';

/**
 * Chromium that hangs (a fake that never answers, the real one stopped with SIGSTOP) or cannot be
 * run: the build gives up within the stage timeout, says so, kills what it started, removes its
 * temp files and leaves the previous outputs byte-identical. (Missing, crashing and refusing
 * Chromiums are in spine-failures.test.ts.)
 */
describe('a hanging or unusable Chromium', () => {
  let bookDir: string;
  let previous: [Buffer, Buffer];
  const outputs = async (): Promise<[Buffer, Buffer]> => [await readFile(path.join(bookDir, 'build/mini-print.pdf')), await readFile(path.join(bookDir, 'build/mini-epub.epub'))];

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    expect((await runCli(['build', bookDir])).code).toBe(0);
    previous = await outputs();
  });

  /** Runs a build with a private TMPDIR, which marks its Chromium (the profile lives there). */
  async function failingBuild(args: string[], env: NodeJS.ProcessEnv, whileRunning?: (tmp: string) => Promise<void>): Promise<{ result: CliResult; seconds: number; tmp: string }> {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'pp-hang-'));
    const started = performance.now();
    const build = runCli(['build', bookDir, ...args], { env: { TMPDIR: tmp, ...env } });
    await whileRunning?.(tmp);
    const result = await build;
    const seconds = (performance.now() - started) / 1000;
    expect(result.code, result.stderr).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await outputs()).toEqual(previous);
    expect(processesMarked(tmp)).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
    expect((await readdir(path.join(bookDir, 'build'))).filter((name) => name.includes('.tmp') || /\.\d+$/.test(name))).toEqual([]);
    return { result, seconds, tmp };
  }

  it('gives up on a Chromium that never answers after the --timeout, and kills it', async () => {
    const fake = path.join(bookDir, 'silent-chromium');
    await writeFile(fake, '#!/usr/bin/env node\nsetInterval(() => {}, 1000);\n');
    await chmod(fake, 0o755);
    const { result, seconds } = await failingBuild(['--timeout', '2000'], { PUPPETEER_EXECUTABLE_PATH: fake });
    expect(result.stderr).toMatch(/silent-chromium: error: Chromium at .*silent-chromium could not start \([^)]*timed out[^)]*\): it did not answer within the stage timeout \(`build --timeout MS` or PARALLEL_PRESS_TIMEOUT_MS\) and was stopped.* \[chromium-launch\]/);
    expect(seconds).toBeLessThan(10);
    expect(processesMarked(fake)).toEqual([]);
  });

  it('gives up on the real Chromium frozen with SIGSTOP after PARALLEL_PRESS_TIMEOUT_MS', async () => {
    let stopped = 0;
    const { result, seconds } = await failingBuild([], { PARALLEL_PRESS_TIMEOUT_MS: '3000' }, async (tmp) => {
      // Freeze every process of it from the moment the first exists (helpers start first, the
      // browser itself a moment later): whether it hangs starting or printing, the build must
      // notice within the timeout.
      let firstSeen: number | undefined;
      for (let i = 0; i < 1000 && (firstSeen === undefined || performance.now() - firstSeen < 1500); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        for (const pid of processesMarked(tmp)) {
          firstSeen ??= performance.now();
          try {
            process.kill(pid, 'SIGSTOP');
            stopped++;
          } catch {
            // exited meanwhile
          }
        }
      }
    });
    expect(stopped).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/within the stage timeout .*(\[print-timeout\]|\[chromium-launch\])/);
    expect(seconds).toBeLessThan(20);
  });

  it('names a Chromium file that is not executable', async () => {
    const file = path.join(bookDir, 'chromium-without-x-bit');
    await writeFile(file, '#!/bin/sh\nexit 0\n');
    await chmod(file, 0o644);
    const { result } = await failingBuild([], { PUPPETEER_EXECUTABLE_PATH: file });
    expect(result.stderr).toMatch(/PUPPETEER_EXECUTABLE_PATH points at .*chromium-without-x-bit, which is not an executable file.*\[chromium-missing\]/);
  });

  it('refuses a timeout that is not a number of milliseconds', async () => {
    const { result } = await failingBuild(['--timeout', 'soon'], {});
    expect(result.stderr).toMatch(/^--timeout: error: --timeout is `soon`: expected a whole number of milliseconds above 0.*\[timeout-invalid\]/m);
    const fromEnv = await failingBuild([], { PARALLEL_PRESS_TIMEOUT_MS: '-5' });
    expect(fromEnv.result.stderr).toMatch(/PARALLEL_PRESS_TIMEOUT_MS is `-5`: expected a whole number.*\[timeout-invalid\]/);
  });
});

/**
 * The build's own process stopped by a signal while Chromium prints: Ctrl-C and `kill` clean up
 * (exit 130/143, no Chromium, no temp files); even SIGKILL, which nothing can catch, leaves no
 * Chromium behind, because Chromium talks to the build over a pipe and exits when it closes.
 */
describe('a build stopped by a signal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGKILL', null],
  ] as const)('%s while printing leaves no Chromium behind', async (signal, exitCode) => {
    const bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    expect((await runCli(['build', bookDir])).code).toBe(0);
    const before = await readFile(path.join(bookDir, 'build/mini-print.pdf'));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'pp-signal-'));
    const child = spawn(process.execPath, [CLI, 'build', bookDir], { env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, killedBy) => resolve({ code, signal: killedBy })));
    for (let i = 0; i < 1000 && processesMarked(tmp).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(processesMarked(tmp).length).toBeGreaterThan(0);
    child.kill(signal);
    const result = await exited;
    if (exitCode === null) expect(result.signal).toBe('SIGKILL');
    else {
      expect(result.code, stderr).toBe(exitCode);
      expect(stderr).toContain(`stopped by ${signal}; Chromium and temp files removed`);
      expect(await readdir(tmp)).toEqual([]);
    }
    for (let i = 0; i < 100 && processesMarked(tmp).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(processesMarked(tmp)).toEqual([]);
    expect(await readFile(path.join(bookDir, 'build/mini-print.pdf'))).toEqual(before);
    await rm(tmp, { recursive: true, force: true }); // after SIGKILL the temp files remain: nothing could remove them
  });
});

/** Processes whose command line names `marker` (a private TMPDIR holds the profile). */
function processesMarked(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid);
  } catch {
    return [];
  }
}

describe('a Chromium closed while its first pages are still being opened', () => {
  it('lets the process exit at once (Puppeteer would wait 30 s for a page created as the browser went)', async () => {
    // What a build that fails right after Chromium started does: the pages it opens at launch are
    // still being created when it closes the browser. Compiled code, in a process of its own.
    const script = `const { launchBrowser } = await import(${JSON.stringify(path.join(ROOT, 'dist/output/browser.js'))});
const browser = await launchBrowser();
void browser.warm(2);
await browser.close();`;
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
    expect((performance.now() - started) / 1000).toBeLessThan(15);
  }, 40_000);
});
