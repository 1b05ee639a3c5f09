import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';

describe('parallel-press check', () => {
  it('prints the same sorted JSON every time (exit 1: the book lacks a file and a section)', async () => {
    const book = path.join(FIXTURES, 'status/book');
    const [first, second] = await Promise.all([runCli(['check', book, '--json']), runCli(['check', book, '--json'])]);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    await expectGolden(first.stdout, path.join(FIXTURES, 'status/expected-check.json'));
  });

  it('exits 0 when there are only warnings and infos', async () => {
    const result = await runCli(['check', path.join(FIXTURES, 'sync/book')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^0 error\(s\), 3 warning\(s\), 4 info$/m);
  });

  it('exits 1 on an error, naming both places, without a stack trace', async () => {
    const book = await copyBook(path.join(FIXTURES, 'books/mini'));
    const file = path.join(book, 'translations/km/01-river.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('\nអ្នកនេសាទធ្វើការលើទន្លេរៀងរាល់ព្រឹក។\n', ''));
    const result = await runCli(['check', book]);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/^translations\/km\/01-river\.md:10:1: error: Unexpected 1 block\(s\) in section `two-countries` of translations\/km\/01-river\.md, expected 2 like manuscript\/01-river\.md:8:1; .* \[block-missing\]\n {2}see manuscript\/01-river\.md:12:1$/m);
    expect(result.stderr).toMatch(/^1 error\(s\), 0 warning\(s\), 2 info$/m);
    const json = JSON.parse((await runCli(['check', book, '--json'])).stdout) as { ok: boolean; diagnostics: { ruleId: string }[] };
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d) => d.ruleId)).toEqual(['section-unsynced', 'block-missing', 'section-unsynced']);
  });
});
