import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';

/**
 * Each broken input makes the build exit 1 with one located paragraph, no stack trace, and the
 * outputs of the previous good build byte-identical.
 */
describe('a failed build', () => {
  let bookDir: string;
  let goodPdf: Buffer;
  let goodEpub: Buffer;
  const pdfPath = () => path.join(bookDir, 'build/mini-print.pdf');
  const epubPath = () => path.join(bookDir, 'build/mini-epub.epub');

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const first = await runCli(['build', bookDir]);
    expect(first.code).toBe(0);
    goodPdf = await readFile(pdfPath());
    goodEpub = await readFile(epubPath());
  });

  beforeEach(async () => {
    const fresh = await copyBook(path.join(FIXTURES, 'books/mini'));
    for (const rel of ['book.yaml', 'manuscript', 'translations']) {
      await rm(path.join(bookDir, rel), { recursive: true, force: true });
      await import('node:fs/promises').then((fs) => fs.cp(path.join(fresh, rel), path.join(bookDir, rel), { recursive: true }));
    }
  });

  async function expectFailure(env: NodeJS.ProcessEnv = {}): Promise<string> {
    const result = await runCli(['build', bookDir], { env });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await readFile(pdfPath())).toEqual(goodPdf);
    expect(await readFile(epubPath())).toEqual(goodEpub);
    return result.stderr;
  }

  it('reports a bad book.yaml value with its line, a caret and what was expected', async () => {
    const file = path.join(bookDir, 'book.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('format: epub', 'format: docx'));
    const stderr = await expectFailure();
    expect(stderr).toMatch(/^book\.yaml:16:13: error: Invalid value at `editions\.1\.format`: expected one of "pdf", "epub"\./m);
    expect(stderr).toContain('> 16 |     format: docx');
    expect(stderr).toMatch(/\n\s+\|\s{13}\^/);
  });

  it('reports YAML that does not parse', async () => {
    await writeFile(path.join(bookDir, 'book.yaml'), 'title: [unclosed\nlanguages: en\n');
    expect(await expectFailure()).toMatch(/^book\.yaml:\d+:\d+: error: Invalid YAML/m);
  });

  it('names a missing translation directory and how to fix it', async () => {
    await rm(path.join(bookDir, 'translations/km'), { recursive: true });
    expect(await expectFailure()).toMatch(/^translations\/km\/: error: Cannot read translations\/km\/ \(ENOENT\): expected a translations\/km\/ directory holding the km translation/m);
  });

  it('names an unreadable file', async () => {
    const file = path.join(bookDir, 'translations/vi/01-river.md');
    await unlink(file);
    await symlink(path.join(bookDir, 'nowhere.md'), file);
    expect(await expectFailure()).toMatch(/^translations\/vi\/01-river\.md: error: Cannot read translations\/vi\/01-river\.md \(ENOENT\)/m);
  });

  it('names a heading without an id and suggests one', async () => {
    const file = path.join(bookDir, 'manuscript/01-river.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(' {#two-countries}', ''));
    expect(await expectFailure()).toMatch(/^manuscript\/01-river\.md:8:1: error: Heading "Two countries" has no id: expected a stable id that translations share, e\.g\. `## Two countries \{#two-countries\}`/m);
  });

  it('names a missing Chromium and how to get one', async () => {
    expect(await expectFailure({ PUPPETEER_EXECUTABLE_PATH: path.join(bookDir, 'no-chromium-here') })).toMatch(/PUPPETEER_EXECUTABLE_PATH points at .*no-chromium-here, which is not an executable file/);
  });

  it('names a Chromium that cannot start', async () => {
    const fake = path.join(bookDir, 'fake-chromium');
    await writeFile(fake, '#!/bin/sh\necho "fake chromium refuses to start" >&2\nexit 3\n');
    await chmod(fake, 0o755);
    expect(await expectFailure({ PUPPETEER_EXECUTABLE_PATH: fake })).toMatch(/Chromium at .*fake-chromium could not start/);
  });

  it('survives Chromium dying mid-build: exit 1, no orphan Chromium, no temp files left', async () => {
    // A private TMPDIR marks this build's Chromium (its --user-data-dir lives there) so the test
    // kills only its own browser, not one of a test running alongside.
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'pp-crash-'));
    const ours = () => chromiumPids(tmp);
    const build = runCli(['build', bookDir], { env: { TMPDIR: tmp } });
    let killed = false;
    for (let i = 0; i < 400 && !killed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const pids = ours();
      if (pids.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        for (const pid of ours()) process.kill(pid, 'SIGKILL');
        killed = true;
      }
    }
    expect(killed).toBe(true);
    const result = await build;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Chromium (failed while printing|at .* could not start)/);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await readFile(pdfPath())).toEqual(goodPdf);
    expect(await readFile(epubPath())).toEqual(goodEpub);
    expect(ours()).toEqual([]);
    expect(await readdir(tmp)).toEqual([]);
    expect((await readdir(path.join(bookDir, 'build'))).filter((name) => name.includes('.tmp') || /\.\d+$/.test(name))).toEqual([]);
  });
});

function chromiumPids(marker: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `user-data-dir=${marker}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
