import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import hyphen from 'hyphen/en/index.js';
import { toString } from 'mdast-util-to-string';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { resolveEditions, type Edition } from '../src/config/schema.js';
import { bookForEdition } from '../src/layout/edition-view.js';
import { trimSize } from '../src/layout/trim.js';
import { pageGeometry } from '../src/layout/page-geometry.js';
import { loadBook } from '../src/manuscript/load.js';
import type { Book } from '../src/manuscript/model.js';
import { ROOT, runCli } from './helpers/cli.js';
import { bodyText, columnStreams, comparable, pdfLines, pdfText, runningHead, type BoxLine } from './helpers/pdf.js';
import { nonEmpty } from './helpers/non-empty.js';
import { outlineTitles } from './helpers/pdf-structure.js';
import { withDigits } from '../src/text/numerals.js';

/** The repository's own book, every PDF edition, read back from the real PDFs with poppler and pdf-lib. */
let outDir: string;
let book: Book;
let editions: Edition[];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-print-'));
  const config = await loadConfig(ROOT);
  editions = [...nonEmpty(resolveEditions(config).filter((e) => e.format === 'pdf'), 'PDF editions')];
  const result = await runCli(['build', ROOT, '--out', outDir, ...editions.flatMap((e) => ['--edition', e.id])], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(result.code, result.stderr).toBe(0);
  book = await loadBook(ROOT, config);
}, 300_000);

const pdfOf = (edition: Edition) => path.join(outDir, `${edition.id}.pdf`);
const chapters = () => book.chapters.filter((c) => c.kind !== 'title');
/** The chapters as an edition shows them: conditional blocks for other editions left out. */
const chaptersOf = (edition: Edition) => bookForEdition(book, edition).chapters.filter((c) => c.kind !== 'title');
const titleOf = (chapter: Book['chapters'][number], lang: string) => String(chapter.documents[lang]?.frontMatter.title ?? chapter.documents.en?.frontMatter.title);

/** Page numbers as the contents page prints them: the first number after each chapter's last title. */
function contentsPages(edition: Edition): number[] {
  const pages = pdfText(pdfOf(edition)).split('\f');
  const index = pages.findIndex((p) => p.includes('Contents'));
  expect(index, 'a contents page').toBeGreaterThanOrEqual(0);
  // Whitespace goes (pdftotext spaces Khmer words apart); digits stay apart from the titles by a mark.
  const text = comparable((pages[index] ?? '').replace(/(\d+)/g, '#$1#'));
  let from = 0;
  return chapters().map((chapter) => {
    for (const lang of edition.languages) {
      const title = comparable(titleOf(chapter, lang));
      const at = text.indexOf(title, from);
      expect(at, `${title} in the contents`).toBeGreaterThanOrEqual(0);
      from = at + title.length;
    }
    const number = /\d+/.exec(text.slice(from));
    from += (number?.index ?? 0) + (number?.[0].length ?? 0);
    return Number(number?.[0]);
  });
}

describe('every PDF edition of the Friendship Year book', () => {
  it('prints in the contents the page each chapter heading is on, and every chapter starts on an odd page', () => {
    for (const edition of editions) {
      const pages = pdfText(pdfOf(edition)).split('\f').map(comparable);
      contentsPages(edition).forEach((page, i) => {
        const chapter = chapters()[i];
        if (!chapter) return;
        const heading = comparable(titleOf(chapter, edition.languages[0] ?? 'en'));
        expect(pages[page - 1], `${edition.id}: ${chapter.name} on page ${page}`).toContain(heading);
        if (edition.layout !== 'facing') {
          expect(page % 2, `${edition.id}: ${chapter.name} opens on page ${page}`).toBe(1);
          expect(pages[page - 2] ?? '', `${edition.id}: ${chapter.name} does not begin before page ${page}`).not.toContain(comparable(firstBlock(chapter, edition.languages[0] ?? 'en')));
        }
      });
    }
  });

  it('has the trim size, bookmarks for every chapter, and title, author and language in its metadata', async () => {
    for (const edition of editions) {
      const info = execFileSync('pdfinfo', [pdfOf(edition)], { encoding: 'utf8' });
      const [w, h] = (/Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? []).slice(1).map(Number);
      const trim = trimSize(edition.trim);
      expect(Math.abs((w ?? 0) - (trim.widthMm * 72) / 25.4), `${edition.id} width`).toBeLessThan(0.5);
      expect(Math.abs((h ?? 0) - (trim.heightMm * 72) / 25.4), `${edition.id} height`).toBeLessThan(0.5);
      expect(info).toMatch(/^Title:\s+Cambodia–Vietnam Friendship$/m);
      expect(info).toMatch(/^Author:\s+Uch Leang/m);
      expect(info).toMatch(/^Subject:\s+Two English-language press articles/m);
      expect(info).toMatch(/^Keywords:\s+Cambodia, Vietnam/m);
      expect(info).toMatch(/^CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC$/m);
      expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
      if (edition.layout !== 'facing') {
        expect(info).toMatch(/^Tagged:\s+yes$/m);
        // The structure tree kept through post-processing, with the language of the translated blocks.
        const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdfOf(edition), '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
        for (const lang of edition.languages.slice(1)) expect(qdf, `${edition.id}: /Lang (${lang})`).toContain(`/Lang (${lang})`);
      }
      const document = await PDFDocument.load(await readFile(pdfOf(edition)), { updateMetadata: false });
      expect(document.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe(`(${edition.languages[0]})`);
      const bookmarks = outlineTitles(document).map(comparable);
      for (const chapter of chapters()) expect(bookmarks, `${edition.id}: bookmark of ${chapter.name}`).toContain(comparable(titleOf(chapter, edition.languages[0] ?? 'en')));
    }
  });

  it('names on every page after the contents the book (versos) or the chapter on that page (rectos)', () => {
    for (const edition of editions) {
      const { lines } = pdfLines(pdfOf(edition));
      const starts = contentsPages(edition);
      const bookTitle = comparable(book.config.title[edition.languages[0] ?? 'en'] ?? '');
      let checked = 0;
      starts.forEach((start, i) => {
        const end = (starts[i + 1] ?? Math.max(...lines.map((l) => l.page)) + 1) - 1;
        const chapter = chapters()[i] as Book['chapters'][number];
        // A facing edition heads its rectos in the recto language.
        const lang = (edition.format === 'pdf' && edition.layout === 'facing' ? edition.languages[1] : edition.languages[0]) ?? 'en';
        // The running head gives a chapter's short title when it has one.
        const short = chapter.documents[lang]?.frontMatter.short_title;
        const title = comparable(typeof short === 'string' ? short : titleOf(chapter, lang));
        for (let page = start; page <= end; page++) {
          const head = comparable(runningHead(lines, page));
          if (head === '') continue; // a blank verso before the next chapter
          expect(head, `${edition.id} page ${page}`).toContain(page % 2 === 0 ? bookTitle : title);
          checked++;
        }
      });
      expect(checked, `${edition.id}: pages with a running head`).toBeGreaterThan(10);
    }
  });

  it('prints one folio, its own page number, at the foot of every page from the contents on', () => {
    for (const edition of editions) {
      const { lines, heights } = pdfLines(pdfOf(edition));
      // The contents page: two before the first chapter (its blank verso between), one in a facing edition.
      const contents = Math.min(...contentsPages(edition)) - (edition.format === 'pdf' && edition.layout === 'facing' ? 1 : 2);
      for (let page = contents; page <= heights.length; page++) {
        // The foot margin of the edition's page geometry: the folio sits in it.
        const footPt = (pageGeometry(edition).margins.bottom * 72) / 25.4;
        const foot = lines.filter((l) => l.page === page && l.yMin > (heights[page - 1] ?? 0) - footPt).map((l) => l.words.join(' '));
        const folios = foot.filter((t) => /^\d+$/.test(t));
        if (folios.length === 0 && comparable(pdfText(pdfOf(edition), page, page)) === '') continue; // a blank page
        expect(folios, `${edition.id} page ${page}`).toEqual([String(page)]);
      }
    }
  });

  it('never breaks a Khmer word with a hyphen, and breaks English words only at dictionary points', () => {
    for (const edition of editions) {
      const { lines } = pdfLines(pdfOf(edition));
      // A hyphen drawn for a soft hyphen (U+2010 from pdftotext); a hard one from the manuscript may end a line.
      const khmerBroken = lines.filter((l) => /[\u1780-\u17ff][\u00ad\u2010]$/.test(l.words.at(-1) ?? ''));
      expect(khmerBroken.map((l) => `page ${l.page}: ${l.words.join(' ')}`)).toEqual([]);
      const breaks = hyphenBreaks(lines);
      expect(breaks.length, `${edition.id}: English hyphenated at line ends`).toBeGreaterThan(3);
      for (const { before, after, page } of breaks) {
        const letters = (text: string) => text.replace(/[^\p{L}\p{M}’']/gu, '');
        const word = letters(`${before}${after}`);
        const points = hyphen.hyphenateSync(word, { hyphenChar: '|', minWordLength: 6 }).split('|');
        const offsets = points.slice(0, -1).map((_, i) => points.slice(0, i + 1).join('').length);
        expect(offsets, `page ${page}: ${before}‐${after} (points ${points.join('-')})`).toContain(letters(before).length);
      }
    }
  });
});

describe('the columns layout', () => {
  it('starts block n of every language on the same page, for every aligned row', () => {
    for (const edition of nonEmpty(editions.filter((e) => e.layout === 'columns'), 'columns editions')) {
      const chapters = () => chaptersOf(edition);
      const streams = columnStreams(pdfOf(edition), edition.languages.length, { fromPage: Math.min(...contentsPages(edition)) });
      const cursor = Object.fromEntries(edition.languages.map((l) => [l, 0]));
      let rows = 0;
      for (const chapter of chapters()) {
        for (const section of chapter.sections) {
          for (const row of section.rows) {
            const found = edition.languages.map((lang) => {
              const block = row.cells[lang];
              // Long enough to be unique: several paragraphs open with "The leaders of the two countries".
              // In the digits the PDF shows for the language (book.yaml `numerals`); the markdown keeps Latin ones.
              const start = block && !block.untranslated ? comparable(withDigits(toString(block.node), book.config.numerals[lang]?.digits ?? 'latin')).slice(0, 60) : '';
              if (!start) return undefined;
              const stream = streams[edition.languages.indexOf(lang)];
              const at = stream?.text.indexOf(start, cursor[lang]) ?? -1;
              cursor[lang] = at + start.length;
              return at < 0 ? -1 : (stream?.pageAt[at] ?? -1);
            });
            const pagesOfRow = found.filter((p): p is number => p !== undefined);
            if (pagesOfRow.length === 0) continue; // a directive the book fills in (translation status, date)
            expect(pagesOfRow.every((p) => p > 0), `${chapter.name} ${section.id}: every block found`).toBe(true);
            expect(new Set(pagesOfRow).size, `${edition.id} ${chapter.name} ${section.id || 'lead'} row ${section.rows.indexOf(row) + 1}: pages ${found.join(', ')}`).toBe(1);
            rows++;
          }
        }
      }
      expect(rows).toBeGreaterThan(25); // the colophon's lines are generated (directives), not aligned prose
    }
  });
});

describe('the facing layout', () => {
  it('puts the blocks of each spread on pages 2k and 2k+1, the verso language left and the recto language right', () => {
    for (const edition of nonEmpty(editions.filter((e) => e.layout === 'facing'), 'facing editions')) {
      const [versoLang = 'en', rectoLang = 'vi'] = edition.languages;
      const chapters = () => chaptersOf(edition);
      const pages = pdfText(pdfOf(edition)).split('\f').map(comparable);
      const cursor = { verso: 0, recto: 0 };
      let rows = 0;
      for (const chapter of chapters()) {
        for (const section of chapter.sections) {
          for (const row of section.rows) {
            const start = (lang: string) => {
              const block = row.cells[lang];
              return block && !block.untranslated ? comparable(toString(block.node)).slice(0, 40) : '';
            };
            const [v, r] = [start(versoLang), start(rectoLang)];
            if (!v || !r) continue;
            const versoPage = pages.findIndex((text, i) => i >= cursor.verso && text.includes(v)) + 1;
            const rectoPage = pages.findIndex((text, i) => i >= cursor.recto && text.includes(r)) + 1;
            cursor.verso = Math.max(0, versoPage - 1);
            cursor.recto = Math.max(0, rectoPage - 1);
            const where = `${chapter.name} ${section.id || 'lead'} row ${section.rows.indexOf(row) + 1}`;
            expect(versoPage % 2, `${where}: ${versoLang} on page ${versoPage}`).toBe(0);
            expect(rectoPage, `${where}: ${rectoLang} beside ${versoLang} (page ${versoPage})`).toBe(versoPage + 1);
            rows++;
          }
        }
      }
      expect(rows).toBeGreaterThan(25); // the colophon's lines are generated (directives), not aligned prose
    }
  });
});

describe('the interleaved and facing layouts', () => {
  it('print every paragraph of every language of the edition (NFC, whitespace-insensitive)', async () => {
    const { manuscriptTexts, shownIn } = await import('./helpers/manuscript.js');
    const expected = await manuscriptTexts(ROOT);
    for (const edition of nonEmpty(editions.filter((e) => e.layout !== 'columns'), 'interleaved and facing editions')) {
      // Facing: versos and rectos alternate, so each language's pages read on as one text.
      const text = comparable(edition.layout === 'facing' ? facingText(edition) : bodyText(pdfOf(edition)));
      const missing = expected.filter((e) => edition.languages.includes(e.lang) && shownIn(e, edition.languages) && !text.includes(comparable(e.text))).map((e) => `${e.place} [${e.lang}]`);
      expect(missing, edition.id).toEqual([]);
    }
  });
});

/** The versos' text, then the rectos': each side of a facing edition in reading order. */
function facingText(edition: Edition): string {
  return `${bodyText(pdfOf(edition), (page) => page % 2 === 0)}\n${bodyText(pdfOf(edition), (page) => page % 2 === 1)}`;
}

function firstBlock(chapter: Book['chapters'][number], lang: string): string {
  const block = chapter.sections.flatMap((s) => s.rows).find((r) => r.cells[lang] && !r.cells[lang]?.untranslated)?.cells[lang];
  return block ? toString(block.node).slice(0, 40) : '\u0000';
}

/** Every line that ends in a hyphen drawn for a soft one, with the first word of the next line of its column (on the same page). */
function hyphenBreaks(lines: readonly BoxLine[]): { before: string; after: string; page: number }[] {
  return lines.flatMap((line) => {
    const last = (line.words.at(-1) ?? '').replace(/\u00ad(?=\u2010$)/, '');
    if (!/\p{Ll}[\u2010\u00ad]$/u.test(last)) return [];
    const next = lines
      .filter((l) => l.page === line.page && l.yMin > line.yMin && l.yMin - line.yMin < 30 && Math.abs(l.xMin - line.xMin) < 30 && !/^\d+$/.test(l.words.join('')))
      .sort((a, b) => a.yMin - b.yMin)[0];
    const after = next?.words[0];
    return after ? [{ before: last.slice(0, -1), after, page: line.page }] : [];
  });
}

