import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { FootnoteDefinition, RootContent } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { loadBook } from '../src/manuscript/load.js';
import type { Book } from '../src/manuscript/model.js';
import { FIXTURES, runCli } from './helpers/cli.js';
import { epubcheck, unzipEpub } from './helpers/epub.js';
import { columnStreams, comparable, pdfLines } from './helpers/pdf.js';

/**
 * The articles book: numbered articles with nested lists, a table and footnotes in en, vi and km,
 * the Khmer set taller than the English. Every list item, table row and note is an alignment unit;
 * these tests find each unit's first words in the printed PDFs and check where they landed.
 */
const BOOK = path.join(FIXTURES, 'books/articles');
let out: string;
let book: Book;

interface Unit {
  /** `01-charter.md articles 4`: for messages. */
  name: string;
  /** Per language, the first comparable characters of the unit's text. */
  starts: Record<string, string>;
}

/** Every unit of the book in order (rows of every section, then the chapter's notes), per language. */
function units(languages: readonly string[]): Unit[] {
  const start = (text: string) => comparable(text).replace(/-/g, '').slice(0, 12);
  return book.chapters.flatMap((chapter) => [
    ...chapter.sections.flatMap((section) =>
      section.rows.map((row, n) => ({
        name: `${chapter.name} ${section.id || '_lead'} ${n + 1}`,
        starts: Object.fromEntries(languages.map((lang) => [lang, start(unitText(row.cells[lang]?.node))])),
      })),
    ),
    ...chapter.notes.map((note) => ({
      name: `${chapter.name} note ${note.number}`,
      starts: Object.fromEntries(
        languages.map((lang) => {
          const definition = chapter.documents[lang]?.definitions.find((d): d is FootnoteDefinition => d.type === 'footnoteDefinition' && d.identifier.toLowerCase() === note.labels[lang]);
          return [lang, start(toString(definition))];
        }),
      ),
    })),
  ]);
}

/**
 * A table row's first word (its other cells sit beside it on the same line, then the first cell's
 * second line follows them); any other unit's text.
 */
function unitText(node: RootContent | undefined): string {
  return node?.type === 'table' ? (toString(node.children[0]?.children[0]).split(/\s/)[0] ?? '') : toString(node);
}

/** Where each start is found in a stream, searching forward from the previous one (units are in order). */
function positions(stream: string, starts: readonly string[]): number[] {
  let from = 0;
  return starts.map((s) => {
    const at = stream.indexOf(s, from);
    if (at >= 0) from = at + s.length;
    return at;
  });
}

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'pp-align-'));
  const built = await runCli(['build', BOOK, '--out', out, '--json'], { timeoutMs: 400_000 });
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  book = await loadBook(BOOK, await loadConfig(BOOK));
}, 420_000);

describe('the columns edition', () => {
  it('starts every item, row and note on the same page in every column', () => {
    const languages = ['en', 'vi', 'km'];
    const streams = columnStreams(path.join(out, 'articles-columns.pdf'), 3, { fromPage: 6 });
    const all = units(languages);
    const pages = languages.map((lang, column) => {
      const stream = streams[column] ?? { text: '', pageAt: [] };
      return positions(stream.text, all.map((u) => u.starts[lang] ?? '')).map((at) => (at < 0 ? -1 : stream.pageAt[at]));
    });
    const found = all.map((unit, i) => `${unit.name}: ${languages.map((_, l) => pages[l]?.[i]).join(' ')}`);
    expect(found.filter((line) => line.includes('-1'))).toEqual([]);
    expect(found.filter((_, i) => new Set(pages.map((p) => p[i])).size !== 1)).toEqual([]);
    // The book is long enough that units fall on several pages: the check is not trivially true.
    expect(new Set(pages[0]).size).toBeGreaterThanOrEqual(4);
  });

  it('keeps the number of an ordered item in every language', () => {
    const text = execFileSync('pdftotext', ['-raw', path.join(out, 'articles-columns.pdf'), '-'], { encoding: 'utf8' });
    // Chapter 2's duties are numbered from 9 in every language: three 9s, 10s and 11s.
    for (const n of ['9.', '10.', '11.']) expect(text.split('\n').filter((l) => l.trim().startsWith(n)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('the facing edition', () => {
  const pdf = () => path.join(out, 'articles-facing.pdf');

  it('starts every unit on the same spread: English on the verso, Khmer on the recto beside it', () => {
    const stream = columnStreams(pdf(), 1, { fromPage: 6 })[0] ?? { text: '', pageAt: [] };
    const all = units(['en', 'km']);
    const en = positions(stream.text, all.map((u) => u.starts.en ?? '')).map((at) => stream.pageAt[at] ?? -1);
    const km = positions(stream.text, all.map((u) => u.starts.km ?? '')).map((at) => stream.pageAt[at] ?? -1);
    const wrong = all.flatMap((unit, i) => {
      const verso = en[i] ?? -1;
      const recto = km[i] ?? -1;
      return verso % 2 === 0 && recto === verso + 1 ? [] : [`${unit.name}: en p.${verso}, km p.${recto}`];
    });
    expect(wrong).toEqual([]);
    expect(new Set(en).size).toBeGreaterThanOrEqual(4);
  });

  it('is one tagged document: a structure tree with /Lang for each language', () => {
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf(), '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
    expect(qdf).toContain('/StructTreeRoot');
    expect(qdf).toMatch(/\/MarkInfo\s*<<\s*\/Marked true/);
    expect(qdf).toContain('/Lang (en)');
    expect(qdf).toContain('/Lang (km)');
  });

  it('has an outline from the headings and contents numbers where the chapters open', () => {
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', pdf()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[] };
    const titles = json.outlines.map((o) => o.title);
    for (const chapter of book.chapters) expect(titles).toContain(String(chapter.documents.en?.frontMatter.title));
    const { lines } = pdfLines(pdf());
    const contents = lines.filter((l) => l.page === 5).map((l) => l.words.join(' '));
    for (const chapter of book.chapters) {
      const title = String(chapter.documents.en?.frontMatter.title);
      const opens = lines.find((l) => l.page > 5 && l.words.join(' ') === title)?.page;
      expect(opens, title).toBeDefined();
      expect(opens! % 2, `${title} opens on a verso`).toBe(0);
      expect(json.outlines.find((o) => o.title === title)?.destpageposfrom1).toBe(opens);
      // The contents line under the chapter's titles ends with its page.
      const at = contents.findIndex((l) => l === title);
      expect(contents.slice(at, at + 3).join(' '), title).toMatch(new RegExp(`\\b${opens}$`));
    }
  });
});

describe('the interleaved edition', () => {
  it('groups every unit: English, then Vietnamese, then Khmer, before the next unit', () => {
    const stream = columnStreams(path.join(out, 'articles-interleaved.pdf'), 1, { fromPage: 6 })[0] ?? { text: '', pageAt: [] };
    const all = units(['en', 'vi', 'km']);
    // One forward search through the book, unit after unit, language after language: a group out of
    // order (or split) leaves a start unfound.
    const sequence = all.flatMap((unit) => (['en', 'vi', 'km'] as const).map((lang) => ({ name: `${unit.name} ${lang}`, start: unit.starts[lang] ?? '' })));
    const at = positions(stream.text, sequence.map((s) => s.start));
    const order = sequence.flatMap((s, i) => ((at[i] ?? -1) < 0 ? [s.name] : []));
    expect(order).toEqual([]);
  });
});

describe('the EPUB', () => {
  it('links every note reference to its footnote aside and back, per language', async () => {
    const files = await unzipEpub(path.join(out, 'articles-epub.epub'));
    const chapter = [...files].find(([name]) => name.endsWith('01-charter.xhtml'))?.[1] ?? '';
    for (const [lang, file] of [['en', 'manuscript-01'], ['vi', 'translations-vi-01'], ['km', 'translations-km-01']] as const) {
      const refs = [...chapter.matchAll(/<a [^>]*epub:type="noteref"[^>]*>/g)].map((m) => m[0]).filter((a) => a.includes(`href="#fn-${file}`));
      expect(refs.length, lang).toBe(2);
      for (const ref of refs) {
        const target = /href="#([^"]+)"/.exec(ref)?.[1] ?? '';
        const back = /id="([^"]+)"/.exec(ref)?.[1] ?? '';
        expect(chapter).toMatch(new RegExp(`<aside [^>]*id="${target}"`));
        expect(chapter).toContain(`href="#${back}"`);
      }
    }
    expect(chapter).toMatch(/<aside [^>]*epub:type="footnote"/);
  });

  it('passes EPUBCheck', async () => {
    const result = await epubcheck(path.join(out, 'articles-epub.epub'));
    expect(result.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')).toEqual([]);
  });
});
