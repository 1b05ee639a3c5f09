import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';

/**
 * With SOURCE_DATE_EPOCH set, two full builds of one book, from two copies in different
 * directories, give byte-identical PDF and EPUB files: a printer or an archive can check that
 * a file comes from a given manuscript. A different epoch must change the files, or the test
 * would pass on outputs that simply ignore it.
 */
describe('a build with SOURCE_DATE_EPOCH', () => {
  const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
  const outputs = async (book: string) => Promise.all(['mini-print.pdf', 'mini-epub.epub'].map((name) => readFile(path.join(book, 'build', name))));
  let first: Buffer[];
  let second: Buffer[];
  let later: Buffer[];

  beforeAll(async () => {
    const books = await Promise.all([copyBook(path.join(FIXTURES, 'books/mini')), copyBook(path.join(FIXTURES, 'books/mini')), copyBook(path.join(FIXTURES, 'books/mini'))]);
    const epochs = [EPOCH, EPOCH, String(Number(EPOCH) + 86_400)];
    // One after the other: the machines have two cores, and timing must not matter anyway.
    for (const [index, book] of books.entries()) {
      const result = await runCli(['build', book, '--no-cache'], { env: { SOURCE_DATE_EPOCH: epochs[index] } });
      expect(result.code, result.stderr).toBe(0);
    }
    [first, second, later] = await Promise.all(books.map(outputs)) as [Buffer[], Buffer[], Buffer[]];
  });

  it('gives byte-identical PDF and EPUB files', () => {
    expect(first[0]?.equals(second[0] as Buffer), 'PDF').toBe(true);
    expect(first[1]?.equals(second[1] as Buffer), 'EPUB').toBe(true);
  });

  it('writes the epoch into them: another date gives other bytes', () => {
    expect(first[0]?.equals(later[0] as Buffer), 'PDF').toBe(false);
    expect(first[1]?.equals(later[1] as Buffer), 'EPUB').toBe(false);
  });
});
