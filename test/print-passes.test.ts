import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../src/pipeline/build-book.js';
import type { Pagination } from '../src/layout/pagination.js';
import { h } from 'hastscript';
import type { Element } from 'hast';
import { loadConfig } from '../src/config/load.js';
import { resolveEditions, type PdfEdition } from '../src/config/schema.js';
import { UserError } from '../src/diagnostics/index.js';
import { layoutColumns } from '../src/layout/columns.js';
import { printDocument, type EditionDocument } from '../src/layout/document.js';
import { editionContext } from '../src/layout/edition-view.js';
import { loadBook } from '../src/manuscript/load.js';
import { launchBrowser } from '../src/output/browser.js';
import { TEMPLATES_DIR } from '../src/paths.js';
import { printFlow } from '../src/pipeline/print-flow.js';
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

describe('a print that never settles', () => {
  it('stops after the last pass allowed with a clear error naming what moved, and writes nothing', async () => {
    const dir = await copyBook(path.join(ROOT, 'test/fixtures/books/mini'));
    const config = await loadConfig(dir);
    const book = await loadBook(dir, config);
    const edition = resolveEditions(config).find((e): e is PdfEdition => e.format === 'pdf' && e.layout === 'columns');
    if (!edition) throw new Error('the mini book has a columns edition');
    // Every document asked for has two more front pages than the last: each print moves every chapter on.
    let calls = 0;
    const moving: EditionDocument = (options) => {
      const root = printDocument({ ...options, layoutChapter: (chapter, context) => layoutColumns(chapter, edition.languages, context) });
      const html = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html');
      const body = html?.children.find((n): n is Element => n.type === 'element' && n.tagName === 'body');
      calls += 1;
      body?.children.unshift(...Array.from({ length: 2 * calls }, () => h('section', { style: 'break-after: page' }, 'filler')));
      return root;
    };
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'pp-unsettled-'));
    const outPath = path.join(dir, 'build/unsettled.pdf');
    const browser = await launchBrowser();
    try {
      const printing = printFlow({ browser, edition, context: editionContext(book, edition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, allowedRoots: [dir, TEMPLATES_DIR, workDir], outPath }, moving);
      const error: unknown = await printing.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const [diagnostic] = (error as UserError).diagnostics;
      expect(diagnostic?.ruleId).toBe('print-unsettled');
      expect(diagnostic?.message).toMatch(new RegExp(`Edition \`${edition.id}\`: the chapters still moved after 3 prints \\(\\S+ p\\. \\d+ → \\d+`));
      expect(existsSync(outPath)).toBe(false);
    } finally {
      await browser.close();
      await rm(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
