import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../src/pipeline/manifest.js';
import { FIXTURES, ROOT, runCli } from './helpers/cli.js';
import { pdfText } from './helpers/pdf.js';

/** Every book of the tests that has PDF editions of more than one chapter: all three layouts, grid rows, list items, tables, notes. */
const BOOKS = [ROOT, path.join(FIXTURES, 'books/articles'), path.join(FIXTURES, 'books/mini')];

describe('one print per edition: pagination predicted by layout, checked against the print', () => {
  for (const bookDir of BOOKS) {
    it(`prints every PDF edition of ${path.relative(ROOT, bookDir) || 'the repository book'} once, with the contents and recto openings right`, async () => {
      const out = await mkdtemp(path.join(os.tmpdir(), 'pp-one-print-'));
      const built = await runCli(['build', bookDir, '--no-cache', '--out', out], { timeoutMs: 400_000 });
      expect(built.stderr).not.toMatch(/error/i);
      expect(built.code).toBe(0);
      const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
      const pdfs = manifest.editions.filter((e) => e.format === 'pdf');
      expect(pdfs.length).toBeGreaterThan(0);
      for (const edition of pdfs) {
        expect({ id: edition.id, passes: edition.passes, mispredictions: edition.mispredictions }).toEqual({ id: edition.id, passes: 1, mispredictions: 0 });
        // chapterPages are the pages of the chapters' destinations in the written PDF.
        const starts = Object.values(edition.chapterPages ?? {});
        expect(starts.length).toBeGreaterThan(1);
        const file = path.join(out, edition.path);
        const contentsPage = pdfText(file).split('\f').findIndex((page) => page.includes('Contents'));
        expect(contentsPage).toBeGreaterThanOrEqual(0);
        // The contents list the page numbers alone on their lines, in chapter order (the folio after them).
        const numbers = pdfText(file, contentsPage + 1, contentsPage + 1).split('\n').filter((line) => /^\d+$/.test(line.trim())).map(Number);
        expect(numbers.slice(0, starts.length)).toEqual(starts);
        // Flow layouts open every chapter on a recto (odd page); facing (the editions with `repairs`) on a spread, whose verso is even.
        const parity = edition.repairs === undefined ? 1 : 0;
        for (const page of starts) expect(page % 2).toBe(parity);
      }
    }, 420_000);
  }
});
