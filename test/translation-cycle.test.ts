import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';

interface Progress {
  languages: { lang: string; totals: { sections: { stale: number; unsynced: number } }; chapters: { file: string; staleSections: string[] }[] }[];
}

/** The translator's cycle through the real CLI on a copy of the mini book. */
describe('stale detection end to end', () => {
  let bookDir: string;
  const status = async () => {
    const result = await runCli(['status', bookDir, '--json']);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Progress;
  };
  const staleOf = (progress: Progress) => progress.languages.flatMap((l) => l.chapters.flatMap((c) => c.staleSections.map((id) => `${l.lang} ${c.file}#${id}`)));

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
  });

  it('sync --all leaves nothing stale or unsynced', async () => {
    for (const lang of ['vi', 'km']) expect((await runCli(['sync', lang, '--all', '--book', bookDir])).code).toBe(0);
    const progress = await status();
    expect(staleOf(progress)).toEqual([]);
    expect(progress.languages.map((l) => l.totals.sections.unsynced)).toEqual([0, 0]);
  });

  it('a changed English paragraph makes exactly its section stale in vi and km', async () => {
    const chapter = path.join(bookDir, 'manuscript/01-river.md');
    const english = await readFile(chapter, 'utf8');
    expect(english).toContain('Fishermen work on the river every morning.');
    await writeFile(chapter, english.replace('Fishermen work on the river every morning.', 'Fishermen work on the river every morning, before sunrise.'));
    expect(staleOf(await status())).toEqual(['vi 01-river.md#two-countries', 'km 01-river.md#two-countries']);

    const check = await runCli(['check', bookDir]);
    expect(check.code).toBe(0);
    const stale = check.stderr.split('\n').filter((line) => line.includes('[section-stale]'));
    // sync added three lines (fingerprints:, _lead, two-countries): the heading moved from line 8 to 11.
    expect(stale.map((line) => line.split(': ')[0])).toEqual(['translations/km/01-river.md:11:1', 'translations/vi/01-river.md:11:1']);
  });

  it('re-wrapping the English is not a change', async () => {
    const chapter = path.join(bookDir, 'manuscript/01-river.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('The Mekong flows from the mountains to the sea.', 'The Mekong flows from the mountains\nto   the sea.'));
    expect(staleOf(await status())).toEqual(['vi 01-river.md#two-countries', 'km 01-river.md#two-countries']);
  });

  it('sync of that section clears it', async () => {
    expect((await runCli(['sync', 'vi', '01-river.md', '--section', 'two-countries', '--book', bookDir])).code).toBe(0);
    expect(staleOf(await status())).toEqual(['km 01-river.md#two-countries']);
    expect((await runCli(['sync', 'km', path.join(bookDir, 'translations/km/01-river.md'), '--section', 'two-countries'])).code).toBe(0);
    expect(staleOf(await status())).toEqual([]);
  });
});
