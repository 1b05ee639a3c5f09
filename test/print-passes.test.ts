import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../src/pipeline/build-book.js';
import type { Pagination } from '../src/layout/pagination.js';
import { copyBook, ROOT } from './helpers/cli.js';
import { comparable, pdfText } from './helpers/pdf.js';

describe('rebuilding a PDF edition with the pagination of the previous build (build --watch)', () => {
  it('prints once when no chapter moved, and again until the contents are right when one did', async () => {
    const dir = await copyBook(ROOT);
    const paginations = new Map<string, Pagination>();
    const build = async () => (await buildBook({ bookDir: dir, editions: ['trilingual-print'], paginations })).editions[0];
    const cold = await build();
    expect(cold?.passes).toBe(1);
    expect(cold?.mispredictions).toBe(0);

    // A word changed in the colophon: nothing moves.
    const colophon = path.join(dir, 'manuscript/99-colophon.md');
    await writeFile(colophon, (await readFile(colophon, 'utf8')).replace('Built with parallel-press.', 'Typeset with parallel-press.'));
    const edited = await build();
    expect(edited?.passes).toBe(1);
    expect(edited?.chapterPages).toEqual(cold?.chapterPages);

    // Three more pages of foreword: every later chapter moves.
    const foreword = (lang: string) => path.join(dir, lang === 'en' ? 'manuscript' : `translations/${lang}`, '01-foreword.md');
    for (const lang of ['en', 'vi', 'km']) {
      // The last paragraph every edition shows: a conditional one would not grow the trilingual edition.
      const paragraph = (await readFile(foreword(lang), 'utf8')).trim().split('\n\n').filter((p) => !p.startsWith(':::')).at(-1) ?? '';
      await appendFile(foreword(lang), `\n${`${paragraph}\n\n`.repeat(6)}`);
    }
    const grown = await build();
    expect(grown?.passes).toBeGreaterThan(1);
    const pages = pdfText(path.join(dir, 'build/trilingual-print.pdf')).split('\f').map(comparable);
    const moved = grown?.chapterPages?.['99-colophon.md'] ?? 0;
    expect(moved).toBeGreaterThan(cold?.chapterPages?.['99-colophon.md'] ?? 0);
    expect(moved % 2).toBe(1);
    expect(pages[moved - 1]).toContain('Colophon');
    expect(pages.find((p) => p.includes('Contents'))).toContain(`Colophon${'Thôngtinxuấtbản'}ព័ត៌មានបោះពុម្ព${moved}`);
  }, 120_000);
});
