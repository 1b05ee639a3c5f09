import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../src/status/words.js';
import { FIXTURES, runCli, type CliResult } from './helpers/cli.js';
import { expectGolden } from './helpers/golden.js';

/**
 * A book in every state a translation can be in: vi chapter 1 reviewed with one section stale, vi
 * chapter 2 a draft with an untranslated block, a missing section and no fingerprints, km chapter 2
 * missing. The golden files were reviewed against the markdown by hand.
 */
describe('parallel-press status', () => {
  const book = path.join(FIXTURES, 'status/book');
  let table: CliResult;
  let json: CliResult;
  beforeAll(async () => {
    [table, json] = await Promise.all([runCli(['status', book]), runCli(['status', book, '--json'])]);
  });

  it('prints a table per language for people', async () => {
    expect(table.code).toBe(0);
    await expectGolden(table.stdout, path.join(FIXTURES, 'status/expected.txt'));
  });

  it('prints stable JSON for tools', async () => {
    expect(json.code).toBe(0);
    await expectGolden(json.stdout, path.join(FIXTURES, 'status/expected.json'));
  });

  it('names the stale section of each language and nothing else', () => {
    const progress = JSON.parse(json.stdout) as { languages: { lang: string; chapters: { file: string; staleSections: string[] }[] }[] };
    const stale = progress.languages.flatMap((l) => l.chapters.flatMap((c) => c.staleSections.map((id) => `${l.lang}/${c.file}#${id}`)));
    expect(stale).toEqual(['vi/01-river.md#two-countries', 'km/01-river.md#two-countries']);
  });

  it('counts Khmer words with a dictionary, not spaces', () => {
    expect(countWords('ទន្លេនេះហូរកាត់ប្រទេសកម្ពុជា និងប្រទេសវៀតណាម។', 'km')).toBe(8);
    expect(countWords('Dòng sông chảy qua Campuchia và Việt Nam.', 'vi')).toBe(8);
  });
});
