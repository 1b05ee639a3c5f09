import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli, type CliResult } from './helpers/cli.js';
import { expectGolden, expectGoldenBytes } from './helpers/golden.js';

const FIXTURE = path.join(FIXTURES, 'scaffold');

/** Lines with their own line ends, so a CRLF or a BOM counts. */
const linesOf = (bytes: Buffer) => bytes.toString('utf8').match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];

/**
 * The input book has a vi chapter with a BOM, CRLF line ends and non-NFC text, missing its lead and
 * a block; another vi chapter missing a section, with an extra block and no final newline; no km
 * directory at all. Golden files hold what scaffold must make of them.
 */
describe('parallel-press scaffold', () => {
  let bookDir: string;
  let vi: CliResult;
  let km: CliResult;
  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURE, 'book'));
    vi = await runCli(['scaffold', 'vi', bookDir]);
    km = await runCli(['scaffold', 'km', bookDir]);
  });

  it('says what it created and updated', async () => {
    expect([vi.code, km.code]).toEqual([0, 0]);
    await expectGolden(vi.stdout, path.join(FIXTURE, 'expected/stdout-vi.txt'));
    await expectGolden(km.stdout, path.join(FIXTURE, 'expected/stdout-km.txt'));
  });

  it('writes the golden translation files', async () => {
    for (const lang of ['vi', 'km']) {
      const names = (await readdir(path.join(bookDir, 'translations', lang))).sort();
      expect(names).toEqual(['01-river.md', '02-sea.md']);
      for (const name of names) await expectGoldenBytes(await readFile(path.join(bookDir, 'translations', lang, name)), path.join(FIXTURE, 'expected/translations', lang, name));
    }
  });

  it('keeps every existing line byte for byte, in order', async () => {
    for (const name of ['01-river.md', '02-sea.md']) {
      const before = linesOf(await readFile(path.join(FIXTURE, 'book/translations/vi', name)));
      const after = linesOf(await readFile(path.join(bookDir, 'translations/vi', name)));
      let at = 0;
      for (const line of before) {
        const trimmed = line.replace(/[\r\n]+$/, '');
        const found = after.findIndex((candidate, index) => index >= at && (candidate === line || (candidate.replace(/[\r\n]+$/, '') === trimmed && !/[\r\n]$/.test(line))));
        expect(found, `${name}: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
    }
    const river = await readFile(path.join(bookDir, 'translations/vi/01-river.md'));
    expect([...river.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(river.toString('utf8').replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('leaves the book aligned: check finds no missing file, section or block', async () => {
    const check = await runCli(['check', bookDir, '--json']);
    const errors = (JSON.parse(check.stdout) as { diagnostics: { severity: string; ruleId: string; file: string }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.ruleId} ${d.file}`)).toEqual(['block-extra translations/vi/02-sea.md']);
  });

  it('changes nothing when run again', async () => {
    const before = await readFile(path.join(bookDir, 'translations/vi/01-river.md'));
    const again = await runCli(['scaffold', 'vi', bookDir]);
    expect(again.stdout).toBe('unchanged translations/vi/01-river.md\nunchanged translations/vi/02-sea.md\n');
    expect(await readFile(path.join(bookDir, 'translations/vi/01-river.md'))).toEqual(before);
  });

  it('refuses a language the book does not have', async () => {
    const result = await runCli(['scaffold', 'fr', bookDir]);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/^book\.yaml: error: Unknown translation language `fr`: expected one of vi, km/m);
  });
});
