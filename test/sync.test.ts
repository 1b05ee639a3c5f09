import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli, type CliResult } from './helpers/cli.js';
import { expectGolden, expectGoldenBytes } from './helpers/golden.js';

const FIXTURE = path.join(FIXTURES, 'sync');

/** The file with its `fingerprints` key (block or flow style) cut out: what sync must not touch. */
const withoutFingerprints = (text: string) => text.replace(/^fingerprints:.*(?:\r?\n)(?:[ \t]+.*(?:\r?\n))*/m, '');

/**
 * vi/01-river.md has CRLF line ends, comments, odd spacing, flow-style fingerprints with a stale
 * `_lead` and a key for a section the source no longer has; vi/02-sea.md has no front matter and an
 * untranslated section. Step 1 records one section, step 2 everything.
 */
describe('parallel-press sync', () => {
  let bookDir: string;
  const vi = (name: string) => path.join(bookDir, 'translations/vi', name);
  let step1: CliResult;
  let afterStep1: Buffer;
  let step2: CliResult;

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURE, 'book'));
    step1 = await runCli(['sync', 'vi', '01-river.md', '--section', 'two-countries', '--book', bookDir]);
    afterStep1 = await readFile(vi('01-river.md'));
    step2 = await runCli(['sync', 'vi', '--all'], { cwd: bookDir });
  });

  it('records one named section and leaves the other keys as they were', async () => {
    expect(step1.code).toBe(0);
    expect(step1.stdout).toBe('updated translations/vi/01-river.md: recorded two-countries\n');
    await expectGoldenBytes(afterStep1, path.join(FIXTURE, 'expected/step1/01-river.md'));
    expect(afterStep1.toString('utf8')).toMatch(/_lead: "?000000000000"?\r\n\s+old-section: "?111111111111"?\r\n/);
  });

  it('records every translated section with --all, forgets removed ones, skips untranslated ones', async () => {
    expect(step2.code).toBe(0);
    await expectGolden(step2.stdout, path.join(FIXTURE, 'expected/step2/stdout.txt'));
    for (const name of ['01-river.md', '02-sea.md']) await expectGoldenBytes(await readFile(vi(name)), path.join(FIXTURE, 'expected/step2', name));
  });

  it('changes nothing outside the fingerprints key', async () => {
    const original = await readFile(path.join(FIXTURE, 'book/translations/vi/01-river.md'), 'utf8');
    expect(withoutFingerprints(afterStep1.toString('utf8'))).toBe(withoutFingerprints(original));
    expect(withoutFingerprints(await readFile(vi('01-river.md'), 'utf8'))).toBe(withoutFingerprints(original));
    const sea = await readFile(vi('02-sea.md'), 'utf8');
    expect(sea.endsWith(await readFile(path.join(FIXTURE, 'book/translations/vi/02-sea.md'), 'utf8'))).toBe(true);
  });

  it('leaves vi with nothing stale or unsynced, and km untouched', async () => {
    const check = await runCli(['check', bookDir, '--json']);
    const found = (JSON.parse(check.stdout) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics;
    expect(found.filter((d) => d.file.startsWith('translations/vi/') && /^section-(stale|unsynced)$/.test(d.ruleId))).toEqual([]);
    expect(await readFile(path.join(bookDir, 'translations/km/02-sea.md'))).toEqual(await readFile(path.join(FIXTURE, 'book/translations/km/02-sea.md')));
  });

  it('is a no-op when run again', async () => {
    const again = await runCli(['sync', 'vi', '--all', '--book', bookDir]);
    expect(again.stdout).toMatch(/^unchanged translations\/vi\/01-river\.md: recorded _lead, two-countries\n/);
  });

  it.each([
    [['sync', 'vi', '01-river.md', '--section', 'nope'], /^manuscript\/01-river\.md: error: Unknown section `nope` in manuscript\/01-river\.md: expected one of _lead, two-countries/m],
    [['sync', 'vi'], /No section named: expected `--section ID`/],
    [['sync', 'vi', '09-none.md', '--all'], /^translations\/vi\/09-none\.md: error: No vi translation `09-none\.md` with a source in manuscript\/: expected one of 01-river\.md, 02-sea\.md/m],
    [['sync', 'xx', '--all'], /Unknown translation language `xx`: expected one of vi, km/],
  ])('refuses %j with a located reason and writes nothing', async (args, message) => {
    const before = await readFile(vi('01-river.md'));
    const result = await runCli([...args, '--book', bookDir]);
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(message);
    expect(await readFile(vi('01-river.md'))).toEqual(before);
  });
});
