import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';

/**
 * Issue 19, class 6: someone else's manifest.json in the output directory crashed the build after
 * the EPUB was written (`TypeError … reading 'filter'`), or was overwritten with its other keys
 * dropped. The build now refuses a manifest it does not recognise before writing anything.
 */
const MINI = path.join(FIXTURES, 'books/mini');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const FOREIGN = {
  'an object with a non-list editions': JSON.stringify({ name: 'site', editions: { a: 1 } }),
  'a list of editions and other keys': JSON.stringify({ generator: 'other-tool', editions: [{ id: 'x' }], keep: 'me' }),
  'not JSON': 'hello',
};

describe('the build owns only its own manifest', () => {
  it.each(Object.entries(FOREIGN))('refuses %s: exit 1, manifest-foreign, nothing written', async (_, text) => {
    const book = await copyBook(MINI);
    dirs.push(book);
    await mkdir(path.join(book, 'build'));
    await writeFile(path.join(book, 'build/manifest.json'), text);
    const result = await runCli(['build', book, '--edition', 'mini-epub', '--json']);
    expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; message: string }[] }).diagnostics;
    expect(found).toEqual([expect.objectContaining({ ruleId: 'manifest-foreign', file: 'build/manifest.json', message: expect.stringMatching(/expected/) })]);
    // The parse cache (build/.cache) is the loader's, written by `check` too; no output is.
    expect((await readdir(path.join(book, 'build'))).filter((f) => f !== '.cache')).toEqual(['manifest.json']);
    expect(await readFile(path.join(book, 'build/manifest.json'), 'utf8')).toBe(text);
  });

  it('keeps the entries of its own manifest for editions not rebuilt', async () => {
    const book = await copyBook(MINI);
    dirs.push(book);
    expect((await runCli(['build', book, '--edition', 'mini-epub'])).code).toBe(0);
    expect((await runCli(['build', book, '--edition', 'mini-print'])).code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(book, 'build/manifest.json'), 'utf8')) as { tool: { name: string }; editions: { id: string }[] };
    expect(manifest.tool.name).toBe('parallel-press');
    expect(manifest.editions.map((e) => e.id).sort()).toEqual(['mini-epub', 'mini-print']);
  }, 120_000);
});
