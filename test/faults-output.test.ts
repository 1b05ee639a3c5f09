import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';
import { epubcheck } from './helpers/epub.js';
import { pdfPageCount } from './helpers/pdf.js';

/**
 * Where the outputs go can fail too: a file where the directory should be, a path the kernel
 * refuses, a full disk. Each is a located `output-unwritable` error, never a stack trace or a
 * half-written file. Two builds into the same build/ at once both finish with valid outputs.
 */
describe('an output directory that cannot be written', () => {
  let bookDir: string;

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
  });

  async function expectUnwritable(args: string[], cause: RegExp): Promise<void> {
    const started = performance.now();
    const result = await runCli(['build', bookDir, ...args], { timeoutMs: 30_000 });
    expect(result.code, result.stderr).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(cause);
    expect(result.stderr).toMatch(/Nothing was half-written.*\[output-unwritable\]/);
    expect(performance.now() - started).toBeLessThan(20_000);
  }

  it('names a file standing where the output directory, or one of its parents, should be', async () => {
    const file = path.join(bookDir, 'not-a-directory');
    await writeFile(file, 'keep me');
    await expectUnwritable(['--out', path.join(file, 'out')], /not-a-directory\/out: error: Cannot write .* \(ENOTDIR\): .*a file stands where a directory should be/);
    await expectUnwritable(['--out', file], /not-a-directory: error: Cannot write .* \(EEXIST\): .*a file stands where the output directory should be/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
  });

  it('names a build/ that is a file', async () => {
    await rm(path.join(bookDir, 'build'), { recursive: true, force: true });
    await writeFile(path.join(bookDir, 'build'), 'keep me too');
    try {
      await expectUnwritable([], /build: error: Cannot write .*build \(EEXIST\)/);
      expect(await readFile(path.join(bookDir, 'build'), 'utf8')).toBe('keep me too');
    } finally {
      await rm(path.join(bookDir, 'build'), { force: true });
    }
  });

  it('refuses /proc and /sys at once (Node 20 would wait forever creating a directory under /proc)', async () => {
    await expectUnwritable(['--out', '/proc/self/parallel-press'], /\(ENOENT\): .*a directory on the way does not exist/);
    await expectUnwritable(['--out', '/sys/kernel/parallel-press'], /\((EPERM|EACCES|EROFS)\)/);
  });

  describe('on a full disk (a 1 MB tmpfs)', () => {
    let mountPoint: string;
    let mounted = false;
    beforeAll(async () => {
      mountPoint = await mkdtemp(path.join(os.tmpdir(), 'pp-full-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
        mounted = true;
      } catch {
        mounted = false; // needs CAP_SYS_ADMIN: the test below says it was skipped
      }
    });
    afterAll(() => {
      if (mounted) execFileSync('umount', [mountPoint]);
    });

    it('fails with ENOSPC and keeps the previous outputs whole', async (context) => {
      if (!mounted) context.skip();
      const out = path.join(mountPoint, 'build');
      expect((await runCli(['build', bookDir, '--out', out])).code).toBe(0);
      const before = await filesIn(out);
      // Fill what is left: a write stops at the first page that does not fit.
      await writeFile(path.join(mountPoint, 'filler'), Buffer.alloc(2 * 1024 * 1024)).catch((error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOSPC'));
      await expectUnwritable(['--out', out], /mini-print\.pdf: error: Cannot write .*mini-print\.pdf \(ENOSPC\): .*the disk is full/);
      expect(await filesIn(out)).toEqual(before);
    });
  });
});

describe('two builds of one book at the same time', () => {
  it('both finish, into the same build/, with valid outputs and no temp files', async () => {
    const bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const [first, second] = await Promise.all([runCli(['build', bookDir]), runCli(['build', bookDir])]);
    for (const result of [first, second]) {
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.code, result.stderr).toBe(0);
    }
    const out = path.join(bookDir, 'build');
    expect((await readdir(out)).sort()).toEqual(['.cache', 'manifest.json', 'mini-epub.epub', 'mini-print.pdf']);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { editions: { id: string; pages?: number }[] };
    expect(manifest.editions.map((e) => e.id).sort()).toEqual(['mini-epub', 'mini-print']);
    expect(pdfPageCount(path.join(out, 'mini-print.pdf'))).toBe(manifest.editions.find((e) => e.id === 'mini-print')?.pages);
    expect(execFileSync('qpdf', ['--check', path.join(out, 'mini-print.pdf')], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const check = await epubcheck(path.join(out, 'mini-epub.epub'));
    expect(check.fatals + check.errors).toBe(0);
  });
});

async function filesIn(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name))] as const)));
}
