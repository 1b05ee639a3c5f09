import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import fontverter from 'fontverter';
import { toString as hastToString } from 'hast-util-to-string';
import { toString as mdToString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { resolveEditions } from '../src/config/schema.js';
import { bookForEdition } from '../src/layout/edition-view.js';
import { loadBook } from '../src/manuscript/load.js';
import type { Book } from '../src/manuscript/model.js';
import { withDigits } from '../src/text/numerals.js';
import { copyBook } from './helpers/cli.js';
import { epubEntries } from './helpers/epub.js';
import { buildEpubs, EPUB_BOOKS, type BuiltEpub } from './helpers/epub-books.js';
import { bodyText, comparableText, elements, hasClass, nonAsciiReferences, parseXhtml, withoutFootnotes } from './helpers/epub-text.js';
import { glyphCount, mappedCodePoints } from './helpers/font.js';
import { nonEmpty } from './helpers/non-empty.js';

const lang = (e: { properties: Record<string, unknown> }) => e.properties.lang;
const xmlLang = (e: { properties: Record<string, unknown> }) => e.properties['xml:lang'] ?? e.properties.xmlLang;

/** Unzips every EPUB edition and compares what a reading system gets with the manuscript it came from. */
describe.each(EPUB_BOOKS.map((dir) => [path.basename(dir), dir]))('the EPUB editions of %s', (_name, bookDir) => {
  let built: BuiltEpub[];
  let book: Book;
  const files = new Map<string, Map<string, Uint8Array>>();
  const text = (id: string, name: string) => strFromU8(files.get(id)?.get(name) ?? new Uint8Array());

  beforeAll(async () => {
    built = await buildEpubs(bookDir);
    const config = await loadConfig(bookDir);
    book = await loadBook(bookDir, config);
    for (const epub of built) files.set(epub.id, await epubEntries(epub.file));
  });

  it('gives <html> of every document the primary language as lang and xml:lang, and its direction', () => {
    for (const epub of built) {
      for (const name of [...(files.get(epub.id)?.keys() ?? [])].filter((n) => n.endsWith('.xhtml'))) {
        const html = text(epub.id, name).match(/<html [^>]*>/)?.[0] ?? '';
        expect(html, `${epub.id} ${name}`).toContain(`xml:lang="${epub.languages[0]}" lang="${epub.languages[0]}" dir="ltr"`);
      }
    }
  });

  it('sets every aligned block and heading in its own language, with the text of the manuscript (NFC)', () => {
    for (const epub of built) {
      // The rows this edition shows: conditional blocks for other editions are left out.
      const edition = resolveEditions(book.config).find((e) => e.id === epub.id);
      for (const chapter of edition ? bookForEdition(book, edition).chapters : book.chapters) {
        const tree = parseXhtml(text(epub.id, `OEBPS/${chapter.name.replace(/\.md$/, '')}.xhtml`));
        const titles = elements(tree, (e) => e.tagName === 'h1' && lang(e) !== undefined);
        expect(titles.map(lang)).toEqual(epub.languages);
        // The chapter's notes follow its rows, one row each (checked in test/alignment-units.test.ts).
        const rows = elements(tree, (e) => hasClass(e, 'row') && !hasClass(e, 'notes-row'));
        const expectedRows = chapter.sections.flatMap((s) => s.rows);
        expect(rows.length, `${epub.id} ${chapter.name}`).toBe(expectedRows.length);
        rows.forEach((row, index) => {
          const blocks = elements(row, (e) => hasClass(e, 'block'));
          expect(blocks.map(lang)).toEqual(epub.languages);
          expect(blocks.map(xmlLang)).toEqual(epub.languages);
          for (const block of blocks) {
            const cell = expectedRows[index]?.cells[String(lang(block))];
            if (!cell || cell.untranslated || cell.node.type === 'leafDirective') continue;
            const place = `${epub.id} ${chapter.name} row ${index + 1} [${String(lang(block))}]`;
            // The markdown keeps Latin digits; the EPUB shows the digits book.yaml `numerals` chooses.
            const digits = book.config.numerals[String(lang(block))]?.digits ?? 'latin';
            expect(comparableText(hastToString(withoutFootnotes(block))), place).toBe(comparableText(withDigits(mdToString(cell.node, { includeImageAlt: false }), digits)));
          }
        });
        for (const element of elements(tree, (e) => lang(e) !== undefined && e.tagName !== 'html')) expect(xmlLang(element)).toBe(lang(element));
      }
    }
  });

  it('gives every id of a document once, footnotes of each language included, and every fragment link a target', () => {
    for (const epub of built) {
      for (const name of [...(files.get(epub.id)?.keys() ?? [])].filter((n) => n.endsWith('.xhtml'))) {
        const tree = parseXhtml(text(epub.id, name));
        const ids = elements(tree, (e) => typeof e.properties.id === 'string').map((e) => String(e.properties.id));
        expect(ids.filter((id, index) => ids.indexOf(id) !== index), `${epub.id} ${name}`).toEqual([]);
        const fragments = elements(tree, (e) => e.tagName === 'a' && String(e.properties.href ?? '').startsWith('#')).map((a) => String(a.properties.href).slice(1));
        expect(fragments.filter((id) => !ids.includes(id)), `${epub.id} ${name}`).toEqual([]);
      }
    }
    const footnoted = built.flatMap((epub) => [...(files.get(epub.id)?.keys() ?? [])].map((name) => text(epub.id, name))).filter((t) => t.includes('epub:type="noteref"') && t.includes('epub:type="footnote"'));
    if (path.basename(bookDir) === 'illustrated') expect(footnoted.length).toBeGreaterThan(0);
  });

  it('breaks Khmer between words with U+200B, never next to a space, digit or punctuation', () => {
    for (const epub of nonEmpty(built.filter((e) => e.languages.includes('km')), 'EPUB editions with Khmer')) {
      const khmer = [...(files.get(epub.id)?.keys() ?? [])]
        .filter((n) => /\/\d\d-[^/]+\.xhtml$/.test(n))
        .flatMap((n) => elements(parseXhtml(text(epub.id, n)), (e) => lang(e) === 'km' && hasClass(e, 'block')).map((e) => hastToString(e)));
      const breaks = khmer.join('').match(/\u200b/g) ?? [];
      expect(breaks.length, epub.id).toBeGreaterThan(khmer.length);
      expect(khmer.join('')).not.toMatch(/[\s\u17d4-\u17da\u17e0-\u17e9]\u200b|\u200b[\s\u17d4-\u17da\u17e0-\u17e9]/);
    }
  });

  it('writes UTF-8: no numeric character reference to a non-ASCII character in any XHTML, OPF or NCX', () => {
    for (const epub of built) {
      for (const name of [...(files.get(epub.id)?.keys() ?? [])].filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) {
        expect(nonAsciiReferences(text(epub.id, name)), `${epub.id} ${name}`).toEqual([]);
      }
      expect(text(epub.id, 'OEBPS/content.opf')).toContain(book.config.title[epub.languages[0] ?? 'en']);
    }
  });

  it('embeds each font cut down to exactly the characters the edition shows', async () => {
    for (const epub of built) {
      const entries = files.get(epub.id) ?? new Map<string, Uint8Array>();
      const shown = [...entries.keys()].filter((n) => n.endsWith('.xhtml')).map((n) => bodyText(parseXhtml(text(epub.id, n)))).join('');
      const used = new Set([...shown.normalize('NFC')].map((c) => c.codePointAt(0) ?? 0));
      const fonts = [...entries.keys()].filter((n) => n.startsWith('OEBPS/fonts/'));
      // Every face the CSS uses: Noto Serif in four, Noto Serif Khmer upright in two.
      const latin = ['OEBPS/fonts/noto-serif-bold-italic.woff2', 'OEBPS/fonts/noto-serif-bold.woff2', 'OEBPS/fonts/noto-serif-italic.woff2', 'OEBPS/fonts/noto-serif.woff2'];
      const khmer = ['OEBPS/fonts/noto-serif-khmer-bold.woff2', 'OEBPS/fonts/noto-serif-khmer.woff2'];
      expect(fonts.sort()).toEqual((epub.languages.includes('km') ? [...latin, ...khmer] : latin).sort());
      for (const name of fonts) {
        const family = name.includes('khmer') ? 'Noto Serif Khmer' : 'Noto Serif';
        // fonts/noto-serif-bold-italic.woff2 is the family's Bold Italic face.
        const bold = name.includes('-bold');
        const italic = name.includes('italic');
        const style = [bold ? 'Bold' : '', italic ? 'Italic' : ''].filter(Boolean).join(' ') || 'Regular';
        const originalFile = execFileSync('fc-match', ['-f', '%{file}', `${family}:style=${style}`], { encoding: 'utf8' });
        const original = new Uint8Array(await readFile(originalFile));
        const woff2 = entries.get(name) ?? new Uint8Array();
        const subset = new Uint8Array(await fontverter.convert(Buffer.from(woff2), 'sfnt'));
        const mapped = mappedCodePoints(subset);
        const available = mappedCodePoints(original);
        const place = `${epub.id} ${family}`;
        expect([...mapped].filter((c) => !used.has(c)).map((c) => c.toString(16)), `${place}: glyphs for characters not shown`).toEqual([]);
        expect([...used].filter((c) => available.has(c) && !mapped.has(c)).map((c) => c.toString(16)), `${place}: shown characters left out`).toEqual([]);
        // Khmer keeps the conjunct and vowel forms its shaping rules can reach, a good part of a small font.
        expect(glyphCount(subset), place).toBeLessThan(glyphCount(original) / (family === 'Noto Serif' ? 10 : 1.2));
        expect(woff2.byteLength, place).toBeLessThan(original.byteLength / 4);
        expect(text(epub.id, 'OEBPS/style.css')).toContain(`@font-face { font-family: '${family}'; font-style: ${italic ? 'italic' : 'normal'}; font-weight: ${bold ? 700 : 400}; src: url(${name.slice('OEBPS/'.length)}) format('woff2'); }`);
      }
    }
  });
});

describe('khmerWordBreaks: false', () => {
  it('leaves the Khmer text as the manuscript has it', async () => {
    const bookDir = await copyBook(path.join(path.dirname(EPUB_BOOKS[1] ?? ''), 'illustrated'));
    const yaml = path.join(bookDir, 'book.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('  - id: illustrated-epub\n    format: epub\n', '  - id: illustrated-epub\n    format: epub\n    khmerWordBreaks: false\n'));
    const [epub] = await buildEpubs(bookDir);
    const entries = await epubEntries(epub?.file ?? '');
    const chapter = strFromU8(entries.get('OEBPS/01-boats.xhtml') ?? new Uint8Array());
    expect(chapter).toContain('ទូកនេះ');
    expect(chapter).not.toContain('\u200b');
  });
});
