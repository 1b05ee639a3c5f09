import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli, ROOT, FIXTURES } from './helpers/cli.js';
import { epubcheck, unzipEpub } from './helpers/epub.js';
import { manuscriptTexts, shownIn, type ExpectedText } from './helpers/manuscript.js';
import { columnTexts, comparable, pdfFonts, pdfText } from './helpers/pdf.js';
import { nonEmpty } from './helpers/non-empty.js';

interface Manifest {
  tool: { version: string };
  editions: { id: string; format: string; path: string; languages: string[]; bytes: number; pages?: number; chapterPages?: Record<string, number>; ms: number }[];
}

interface EditionConfig {
  id: string;
  format: 'pdf' | 'epub';
  layout?: string;
  languages?: string[];
}

/** The repo's own book and a small fixture book go through the same real build and the same checks. */
describe.each([
  ['the Friendship Year edition', ROOT],
  ['the mini fixture book', path.join(FIXTURES, 'books/mini')],
])('building %s', (_name, bookDir) => {
  let outDir: string;
  let manifest: Manifest;
  let expected: ExpectedText[];
  let editions: EditionConfig[];

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-build-'));
    const result = await runCli(['build', bookDir, '--out', outDir]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    const config = parseYaml(await readFile(path.join(bookDir, 'book.yaml'), 'utf8')) as { editions: EditionConfig[] };
    editions = config.editions;
    expected = await manuscriptTexts(bookDir);
  });

  it('writes every edition of book.yaml and a manifest describing them', () => {
    expect(manifest.editions.map((e) => e.id).sort()).toEqual(editions.map((e) => e.id).sort());
    for (const entry of manifest.editions) {
      expect(entry.bytes).toBeGreaterThan(1000);
      expect(entry.ms).toBeGreaterThan(0);
      if (entry.format === 'pdf') expect(entry.pages).toBeGreaterThan(0);
    }
  });

  it('embeds every PDF font and sets all three scripts in the named Noto fonts', () => {
    for (const entry of nonEmpty(manifest.editions.filter((e) => e.format === 'pdf'), 'PDF editions')) {
      const fonts = pdfFonts(path.join(outDir, entry.path));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.name, 'no fallback font').not.toMatch(/Liberation|DejaVu|FreeSerif|Times|Arial|Helvetica/i);
      }
      expect(fonts.some((f) => /NotoSerif-/.test(f.name))).toBe(true);
      if (entry.languages.includes('km')) expect(fonts.some((f) => /NotoSerifKhmer-/.test(f.name))).toBe(true);
    }
  });

  it('prints every paragraph of every language in its own column (NFC, whitespace-insensitive)', () => {
    for (const entry of nonEmpty(manifest.editions.filter((e) => e.format === 'pdf'), 'PDF editions')) {
      const edition = editions.find((e) => e.id === entry.id);
      if (edition?.layout && edition.layout !== 'columns') continue;
      const file = path.join(outDir, entry.path);
      // Columns begin with the first chapter; the title page before it sets the languages one under another.
      const fromPage = Math.min(...Object.values(entry.chapterPages ?? {}));
      const columns = columnTexts(file, entry.languages.length, { fromPage }).map(comparable);
      const whole = comparable(pdfText(file));
      const missing: string[] = [];
      for (const item of expected.filter((e) => entry.languages.includes(e.lang) && shownIn(e, entry.languages))) {
        // A chapter's title is in its opening title block, stacked by language across the columns.
        const column = item.chapterKind === 'title' || item.kind === 'title' ? whole : (columns[entry.languages.indexOf(item.lang)] ?? '');
        if (!column.includes(comparable(item.text))) missing.push(`${item.place} [${item.lang}] ${item.text.slice(0, 60)}`);
      }
      expect(missing).toEqual([]);
    }
  });

  it('passes epubcheck with 0 errors and 0 warnings', async () => {
    for (const entry of nonEmpty(manifest.editions.filter((e) => e.format === 'epub'), 'EPUB editions')) {
      const report = await epubcheck(path.join(outDir, entry.path));
      expect(report.messages.filter((m) => m.severity !== 'USAGE' && m.severity !== 'INFO')).toEqual([]);
    }
  });

  it('takes dc:identifier and dc:language from book.yaml and labels every block with lang and xml:lang', async () => {
    const config = parseYaml(await readFile(path.join(bookDir, 'book.yaml'), 'utf8')) as { identifier: string };
    for (const entry of nonEmpty(manifest.editions.filter((e) => e.format === 'epub'), 'EPUB editions')) {
      const files = await unzipEpub(path.join(outDir, entry.path));
      const opf = files.get('OEBPS/content.opf') ?? '';
      expect(opf).toContain(`<dc:identifier id="book-id">${config.identifier}</dc:identifier>`);
      expect([...opf.matchAll(/<dc:language>([^<]+)<\/dc:language>/g)].map((m) => m[1])).toEqual(entry.languages);

      const seen: string[] = [];
      for (const [name, content] of files) {
        if (!name.endsWith('.xhtml') || name.endsWith('toc.xhtml')) continue;
        const tree = fromHtml(content);
        visit(tree, 'element', (element) => {
          const lang = element.properties.lang;
          if (element.properties.className && (element.properties.className as string[]).includes('block')) {
            expect(typeof lang, `${name}: block without lang`).toBe('string');
            seen.push(`${String(lang)}\u0000${comparable(hastToString(element))}`);
          }
          if (typeof lang === 'string' && element.tagName !== 'html') {
            expect(element.properties['xml:lang'] ?? element.properties.xmlLang, `${name}: xml:lang of ${element.tagName}`).toBe(lang);
          }
        });
      }
      const missing = expected
        .filter((item) => item.kind === 'block' && entry.languages.includes(item.lang) && shownIn(item, entry.languages))
        .filter((item) => !seen.some((s) => s.startsWith(`${item.lang}\u0000`) && s.includes(comparable(item.text))));
      expect(missing.map((m) => m.place)).toEqual([]);
    }
  });
});
