import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../src/pipeline/manifest.js';
import { LANGUAGES, realText, writeSyntheticBook } from '../src/bench/synthetic-book.js';
import { columnBreakCss } from '../src/output/column-breaks.js';
import { anchorPages } from '../src/output/pdf-anchors.js';
import { FIXTURES, ROOT, runCli } from './helpers/cli.js';
import { bodyText, comparable, pdfFonts, pdfPageCount, pdfText } from './helpers/pdf.js';
import { outlineEntries, structureOutline } from './helpers/pdf-structure.js';

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
      // Flow editions (columns, interleaved) of a short book are printed from the page their prediction laid out: one load.
      const flows = pdfs.filter((e) => e.loads !== undefined);
      expect(flows.length).toBeGreaterThan(0);
      expect(flows.map((e) => ({ id: e.id, loads: e.loads }))).toEqual(flows.map((e) => ({ id: e.id, loads: 1 })));
      for (const edition of pdfs) {
        expect({ id: edition.id, passes: edition.passes, mispredictions: edition.mispredictions }).toEqual({ id: edition.id, passes: 1, mispredictions: 0 });
        // chapterPages are the pages of the chapters' destinations in the written PDF.
        const starts = Object.values(edition.chapterPages ?? {});
        expect(starts.length).toBeGreaterThan(0);
        const file = path.join(out, edition.path);
        const contentsPage = pdfText(file).split('\f').findIndex((page) => page.includes('Contents'));
        expect(contentsPage).toBeGreaterThanOrEqual(0);
        // After the title, each entry's last line ends with its page number, in chapter order.
        const lines = pdfText(file, contentsPage + 1, contentsPage + 1).split('\n');
        const numbers = lines.slice(lines.findIndex((line) => line.includes('Contents')) + 1).flatMap((line) => /\s(\d+)$/.exec(line.trim())?.[1] ?? []).map(Number);
        expect(numbers).toEqual(starts);
        // Flow layouts open every chapter on a recto (odd page); facing (the editions with `repairs`) on a spread, whose verso is even.
        const parity = edition.repairs === undefined ? 1 : 0;
        for (const page of starts) expect(page % 2).toBe(parity);
      }
    }, 420_000);
  }
});

describe('a facing book whose front matter ends on a verso', () => {
  it('adds the blank page that opens the spreads on a verso, planned from the front matter laid out in pages in the measuring page: one load, one print, the contents right', async () => {
    // 16 short chapters: the contents run one page longer than with 12, and the first spread's verso
    // was predicted on an odd page (measured; 1 to 12 chapters are not).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-front-verso-'));
    await writeSyntheticBook(dir, { chapters: 16, sectionsPerChapter: 1, rowsPerSection: 2 });
    const out = path.join(dir, 'out');
    const built = await runCli(['build', dir, '--no-cache', '--edition', 'synthetic-facing', '--out', out], { timeoutMs: 200_000 });
    expect(built.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const [edition] = manifest.editions;
    expect({ passes: edition?.passes, loads: edition?.loads, mispredictions: edition?.mispredictions }).toEqual({ passes: 1, loads: 1, mispredictions: 0 });
    const starts = Object.values(edition?.chapterPages ?? {});
    expect(starts).toHaveLength(16);
    // Every chapter opens on a spread (an even verso), and the contents name those pages.
    for (const page of starts) expect(page % 2).toBe(0);
    const file = path.join(out, edition?.path ?? '');
    const pages = pdfText(file).split('\f');
    // The contents: from its title to the page before the first chapter; each entry's last line ends with its page.
    const contents = pages.slice(pages.findIndex((page) => page.includes('Contents')), (starts[0] ?? 1) - 1).join('\n');
    const numbers = contents.split('\n').flatMap((line) => /\s(\d+)$/.exec(line.trim())?.[1] ?? []).map(Number);
    // In chapter order (a title can end a line with a year: numbers the entries skip).
    const named = starts.filter((page, n) => numbers.indexOf(page) > numbers.indexOf(starts[n - 1] ?? -1));
    expect(named).toEqual(starts);
  }, 240_000);
});

describe('the layout-only prediction of every anchor', () => {
  it('puts every chapter, section, row, note and page box of the articles book on the page it is printed on, names the faces the print embeds, in every layout; stops on the build signal and the stage timeout', async () => {
    // Compiled code: the prediction runs a function of dist/ inside Chromium.
    const dist = (file: string) => path.join(ROOT, 'dist', file);
    const { loadConfig } = (await import(dist('config/load.js'))) as typeof import('../src/config/load.js');
    const { resolveEditions } = (await import(dist('config/schema.js'))) as typeof import('../src/config/schema.js');
    const { loadBook } = (await import(dist('manuscript/load.js'))) as typeof import('../src/manuscript/load.js');
    const { printEdition } = (await import(dist('pipeline/print-edition.js'))) as typeof import('../src/pipeline/print-edition.js');
    const { launchBrowser } = (await import(dist('output/browser.js'))) as typeof import('../src/output/browser.js');
    const { predictPages } = (await import(dist('output/page-prediction.js'))) as typeof import('../src/output/page-prediction.js');
    const { pageGeometry } = (await import(dist('layout/page-geometry.js'))) as typeof import('../src/layout/page-geometry.js');
    const { TEMPLATES_DIR } = (await import(dist('paths.js'))) as typeof import('../src/paths.js');
    const { editionContext } = (await import(dist('layout/edition-view.js'))) as typeof import('../src/layout/edition-view.js');
    const { describeFaces } = (await import(dist('layout/edition-fonts.js'))) as typeof import('../src/layout/edition-fonts.js');
    const { predictPagesInParts } = (await import(dist('output/parted-prediction.js'))) as typeof import('../src/output/parted-prediction.js');
    const { serializeDocument } = (await import(dist('output/html-parts.js'))) as typeof import('../src/output/html-parts.js');
    const { layoutOf } = (await import(dist('pipeline/layouts.js'))) as typeof import('../src/pipeline/layouts.js');
    const { printPatchedPage } = (await import(dist('output/patched-print.js'))) as typeof import('../src/output/patched-print.js');
    const { anchorPages } = (await import(dist('output/pdf-anchors.js'))) as typeof import('../src/output/pdf-anchors.js');
    const bookDir = path.join(FIXTURES, 'books/articles');
    const config = await loadConfig(bookDir);
    const book = await loadBook(bookDir, config);
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'pp-predict-'));
    const browser = await launchBrowser();
    try {
      const editions = resolveEditions(config).flatMap((e) => (e.format === 'pdf' ? [e] : []));
      expect(new Set(editions.map((e) => e.layout))).toEqual(new Set(['columns', 'interleaved', 'facing']));
      for (const edition of editions) {
        const options = { browser, edition, context: editionContext(book, edition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, allowedRoots: [bookDir, TEMPLATES_DIR, workDir], outPath: path.join(workDir, `${edition.id}.pdf`) };
        const printed = await printEdition(options);
        const ids = [...printed.pagination.pages.keys()];
        expect(ids.length).toBeGreaterThan(20);
        const predicted = await predictPages({ ...options, html: printed.html, name: `${edition.id}-check`, textArea: pageGeometry(edition).textArea, ids });
        expect({ edition: edition.id, pages: Object.fromEntries(predicted.pages) }).toEqual({ edition: edition.id, pages: Object.fromEntries(printed.pagination.pages) });
        expect(predicted.pageCount).toBe(printed.pages);
        // The faces the colophon names are predicted too: those the printed PDF embeds.
        expect({ edition: edition.id, faces: describeFaces(predicted.faces) }).toEqual({ edition: edition.id, faces: describeFaces(printed.pagination.faces ?? []) });
        if (edition.layout === 'facing') {
          // A facing edition is printed from the page its units were measured in, patched into the book:
          // the same pages as a fresh load of the HTML it reports.
          const { printHtml } = (await import(dist('output/pdf.js'))) as typeof import('../src/output/pdf.js');
          const fresh = await printHtml({ ...options, html: printed.html, editionId: `${edition.id}-fresh`, final: true });
          const freshPath = path.join(workDir, `${edition.id}-fresh.pdf`);
          await writeFile(freshPath, fresh.pdf);
          expect(pdfText(freshPath).split('\f')).toEqual(pdfText(options.outPath).split('\f'));
          continue;
        }
        // A long flow book is predicted in parts laid out at once: the same pages, the same faces.
        const document = serializeDocument(layoutOf(edition).document({ edition, context: { ...options.context, fonts: printed.pagination.faces ?? [] }, templatesDir: TEMPLATES_DIR, pagination: printed.pagination }));
        expect(document.html).toBe(printed.html);
        for (const parts of [2, 3]) {
          const name = `${edition.id}-in-${parts}`;
          const open = await predictPagesInParts({ ...options, name, textArea: pageGeometry(edition).textArea, ids }, document, parts);
          const inParts = open.value;
          expect({ edition: edition.id, parts, pages: Object.fromEntries(inParts.pages) }).toEqual({ edition: edition.id, parts, pages: Object.fromEntries(printed.pagination.pages) });
          expect(inParts.pageCount).toBe(printed.pages);
          expect(describeFaces(inParts.faces)).toEqual(describeFaces(printed.pagination.faces ?? []));
          expect(existsSync(path.join(workDir, `${name}-part${parts}.predict.html`))).toBe(true);
          // The first part's page holds the whole document, laid out up to the second part only: printed
          // from it, every part shows, on the pages of the edition's own print.
          const fromParts = await printPatchedPage({ ...options, editionId: name, final: true, predicted: open, loaded: document, next: document });
          if (!fromParts) throw new Error('the first part could not be printed from');
          expect(Object.fromEntries(anchorPages(await PDFDocument.load(fromParts.pdf)))).toEqual(Object.fromEntries(printed.pagination.pages));
        }
      }
      // A Chromium stage like the others: the build's signal stops it, and so does the stage timeout.
      const [edition] = editions;
      if (!edition) throw new Error('no PDF edition');
      const options = { browser, html: '<html><head></head><body><p id="a">a</p></body></html>', workDir, allowedRoots: [workDir], textArea: pageGeometry(edition).textArea, ids: ['a'], outPath: path.join(workDir, 'x.pdf') };
      const stop = new AbortController();
      const predicting = predictPages({ ...options, name: 'aborted', signal: stop.signal });
      stop.abort(new Error('stopped by the build'));
      await expect(predicting).rejects.toThrow('stopped by the build');
      await expect(predictPages({ ...options, name: 'timed-out', timeoutMs: 1 })).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ ruleId: 'print-timeout' })] });
      expect((await predictPages({ ...options, name: 'whole' })).pages.get('a')).toBe(1);
    } finally {
      await browser.close();
    }
  }, 300_000);
});

describe('a long book printed in parts at once', () => {
  it('gives the PDF of the whole print: the same pages and text, bookmarks, tagged structure, links and destinations, one name per font subset', async () => {
    const dist = (file: string) => path.join(ROOT, 'dist', file);
    const { loadConfig } = (await import(dist('config/load.js'))) as typeof import('../src/config/load.js');
    const { resolveEditions } = (await import(dist('config/schema.js'))) as typeof import('../src/config/schema.js');
    const { loadBook } = (await import(dist('manuscript/load.js'))) as typeof import('../src/manuscript/load.js');
    const { printEdition } = (await import(dist('pipeline/print-edition.js'))) as typeof import('../src/pipeline/print-edition.js');
    const { launchBrowser } = (await import(dist('output/browser.js'))) as typeof import('../src/output/browser.js');
    const { TEMPLATES_DIR } = (await import(dist('paths.js'))) as typeof import('../src/paths.js');
    const { editionContext } = (await import(dist('layout/edition-view.js'))) as typeof import('../src/layout/edition-view.js');
    const bookDir = path.join(FIXTURES, 'books/articles');
    const config = await loadConfig(bookDir);
    const book = await loadBook(bookDir, config);
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'pp-parts-'));
    const browser = await launchBrowser();
    try {
      const editions = resolveEditions(config).flatMap((e) => (e.format === 'pdf' ? [e] : []));
      expect(new Set(editions.map((e) => e.layout))).toEqual(new Set(['columns', 'interleaved', 'facing']));
      for (const edition of editions) {
        const print = async (parts: number) => {
          const outPath = path.join(workDir, `${edition.id}-${parts}.pdf`);
          const printed = await printEdition({ browser, edition, context: editionContext(book, edition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, allowedRoots: [bookDir, TEMPLATES_DIR, workDir], outPath, parts });
          const document = await PDFDocument.load(await readFile(outPath));
          return { printed, outPath, document, pages: pdfText(outPath).split('\f') };
        };
        const whole = await print(1);
        for (const parts of [2, 3]) {
          const inParts = await print(parts);
          const label = `${edition.id} in ${parts} parts`;
          // One print, in parts, from the pages its prediction laid the parts out in: no other load.
          expect({ label, loads: inParts.printed.timings.loads, prints: inParts.printed.timings.print.length, mispredictions: inParts.printed.mispredictions }).toEqual({ label, loads: parts, prints: 1, mispredictions: 0 });
          expect(existsSync(path.join(workDir, `${edition.id}.part${parts}.html`)), label).toBe(true);
          expect(inParts.pages.length, label).toBe(whole.pages.length);
          inParts.pages.forEach((text, n) => expect({ label, page: n + 1, text }).toEqual({ label, page: n + 1, text: whole.pages[n] }));
          expect(Object.fromEntries(inParts.printed.pagination.pages)).toEqual(Object.fromEntries(whole.printed.pagination.pages));
          expect(outlineEntries(inParts.document), label).toEqual(outlineEntries(whole.document));
          const structure = structureOutline(inParts.document);
          expect(structure, label).toEqual(structureOutline(whole.document));
          expect({ label, pagesWithoutKey: structure.pagesWithoutKey, wrongParents: structure.wrongParents }).toEqual({ label, pagesWithoutKey: 0, wrongParents: 0 });
          expect(linkTargets(inParts.document), label).toEqual(linkTargets(whole.document));
          // Each part embeds subsets of its own: under names no other subset of the book has.
          const names = pdfFonts(inParts.outPath).map((font) => font.name);
          expect(new Set(names).size, label).toBe(names.length);
          expect(new Set(names.map((name) => name.replace(/^[A-Z]{6}\+/, ''))), label).toEqual(new Set(pdfFonts(whole.outPath).map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))));
        }
      }
    } finally {
      await browser.close();
    }
  }, 300_000);
});

/** Every link of the PDF: its page and the named destination it goes to, with that destination's page. */
function linkTargets(document: PDFDocument): string[] {
  const pages = anchorPages(document);
  return document.getPages().flatMap((page, index) => {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    return (annotations?.asArray() ?? []).map((ref) => {
      const dest = (document.context.lookup(ref) as PDFDict).get(PDFName.of('Dest'));
      const name = dest instanceof PDFName ? dest.decodeText() : String(dest);
      return `${index + 1} → ${name} p. ${pages.get(name) ?? '?'}`;
    });
  });
}


describe('page breaks restated as column breaks', () => {
  it('keeps the cascade of the originals: same selectors, same order, forced values as column, others as they were', () => {
    const css = `/* .x { break-before: page } */
@page { size: A5; @top-left { content: 'a' } }
.front, .chapter { break-before: page; page: front; }
.front:first-child { break-before: auto; }
h2 { line-height: 1.25; break-after: avoid; }
@media print { .legacy { page-break-before: always; } }
p { margin: 0; }`;
    expect(columnBreakCss([css])).toBe(
      ['.front, .chapter { break-before: column !important; }', '.front:first-child { break-before: auto !important; }', 'h2 { break-after: avoid !important; }', '@media print {\n.legacy { break-before: column !important; }\n}'].join('\n'),
    );
  });
});

describe('a facing book with a unit taller than a page', () => {
  it('is printed side by side, each side alone and interleaved: every word of both languages, the long unit running over several spreads', async () => {
    // One row of a dozen paragraphs joined, in every language: taller than an A5 text block on both sides.
    const source = await realText();
    const plain = source.rows.filter((row) => LANGUAGES.every((lang) => !/[*_[\]`<>]/.test(row[lang])));
    const long = Object.fromEntries(LANGUAGES.map((lang) => [lang, plain.slice(0, 12).map((row) => row[lang]).join(' ')])) as (typeof plain)[number];
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-tall-unit-'));
    await writeSyntheticBook(dir, { chapters: 2, sectionsPerChapter: 1, rowsPerSection: 3 }, { rows: [long, ...plain.slice(12)], headings: source.headings });
    const out = path.join(dir, 'out');
    const built = await runCli(['build', dir, '--no-cache', '--edition', 'synthetic-facing', '--out', out], { timeoutMs: 200_000 });
    expect(built.stderr).not.toMatch(/error/i);
    expect(built.code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const [edition] = manifest.editions;
    const file = path.join(out, edition?.path ?? '');
    // Versos (even pages) carry English, rectos Vietnamese; each side reads on as one text.
    const sides = { en: comparable(bodyText(file, (page) => page % 2 === 0)), vi: comparable(bodyText(file, (page) => page % 2 === 1)) };
    for (const lang of ['en', 'vi'] as const) expect(sides[lang], lang).toContain(comparable(long[lang]));
    // The long unit starts on one verso and ends on a later one; every chapter still opens on a verso.
    const versos = Array.from({ length: pdfPageCount(file) }, (_, n) => n + 1).filter((page) => page % 2 === 0);
    const pageOf = (text: string) => versos.find((page) => comparable(bodyText(file, (p) => p === page)).includes(text));
    const words = comparable(long.en);
    const [first, last] = [pageOf(words.slice(0, 40)), pageOf(words.slice(-40))];
    expect(first).toBeDefined();
    expect(last ?? 0).toBeGreaterThan(first ?? Infinity);
    for (const page of Object.values(edition?.chapterPages ?? {})) expect(page % 2).toBe(0);
  }, 240_000);
});
