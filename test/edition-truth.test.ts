import { readdir, readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT, runCli } from './helpers/cli.js';
import { unzipEpub } from './helpers/epub.js';
import { toString as hastToString } from 'hast-util-to-string';
import { bodyText, comparableText, elements, parseXhtml } from './helpers/epub-text.js';
import { columnTexts, comparable, pdfFonts, pdfText } from './helpers/pdf.js';

/**
 * Every edition of the Friendship Year book tells the truth about itself. One CLI build of all six
 * editions; each assertion reads what came out: pdftotext / pdffonts for the PDFs, the unzipped
 * EPUB for the others.
 */

interface EditionSpec {
  id: string;
  format: 'pdf' | 'epub';
  layout?: string;
  languages: string[];
}

/** The statement each language makes for each language set, as a reader must find it. */
const STATEMENTS: Record<string, Record<string, string>> = {
  'en,km,vi': {
    en: 'A trilingual edition in English, Vietnamese and Khmer',
    vi: 'Ấn bản ba thứ tiếng: tiếng Anh, tiếng Việt và tiếng Khmer',
    km: 'បោះពុម្ពជាបីភាសា៖ ភាសាអង់គ្លេស ភាសាវៀតណាម និងភាសាខ្មែរ',
  },
  'en,vi': { en: 'A bilingual edition in English and Vietnamese', vi: 'Ấn bản song ngữ: tiếng Anh và tiếng Việt' },
  km: { km: 'បោះពុម្ពជាភាសាខ្មែរ' },
};
const FONTS_PREFIX: Record<string, string> = {
  en: 'Typefaces embedded in this edition:',
  vi: 'Phông chữ nhúng trong ấn bản này:',
  km: 'ពុម្ពអក្សរដែលបង្កប់ក្នុងការបោះពុម្ពនេះ៖',
};
const NOT_CREDITED: Record<string, string> = { en: 'Author not credited by the source', vi: 'Nguồn không ghi tên tác giả', km: 'ប្រភពមិនបានបញ្ជាក់ឈ្មោះអ្នកនិពន្ធ' };
const LANGUAGE_DIRS: Record<string, string> = { en: 'manuscript', vi: 'translations/vi', km: 'translations/km' };

let out: string;
let editions: EditionSpec[];
/** Per edition, per language: the comparable text of that language's part of the edition. */
const texts = new Map<string, Record<string, string>>();
/** Per edition: the whole comparable text. */
const whole = new Map<string, string>();
const epubFiles = new Map<string, Map<string, string>>();

beforeAll(async () => {
  const config = parseYaml(await readFile(path.join(ROOT, 'book.yaml'), 'utf8')) as { editions: { id: string; format: 'pdf' | 'epub'; layout?: string; languages: string[] }[] };
  editions = config.editions.map((e) => ({ id: e.id, format: e.format, ...(e.format === 'pdf' ? { layout: e.layout ?? 'columns' } : {}), languages: e.languages }));
  out = await mkdtemp(path.join(os.tmpdir(), 'pp-truth-'));
  const built = await runCli(['build', '--out', out], { timeoutMs: 600_000, env: { SOURCE_DATE_EPOCH: '1767225600' } });
  expect(built.code, built.stderr).toBe(0);
  for (const edition of editions) {
    const file = path.join(out, `${edition.id}.${edition.format}`);
    if (edition.format === 'pdf') {
      const all = comparable(pdfText(file));
      whole.set(edition.id, all);
      // Side by side, a language is a column; facing and interleaved keep each block whole in the page flow.
      const columns = edition.layout === 'columns' ? columnTexts(file, edition.languages.length).map(comparable) : undefined;
      texts.set(edition.id, Object.fromEntries(edition.languages.map((lang, i) => [lang, columns?.[i] ?? all])));
    } else {
      const files = await unzipEpub(file);
      epubFiles.set(edition.id, files);
      const xhtml = [...files].filter(([name]) => name.endsWith('.xhtml') && !name.endsWith('toc.xhtml'));
      const perLang: Record<string, string> = Object.fromEntries(edition.languages.map((lang) => [lang, '']));
      for (const [, source] of xhtml) {
        // Every element marked with a language inside the body (the root's own lang says nothing about a block).
        for (const element of elements(parseXhtml(source), (e) => e.tagName !== 'html' && e.tagName !== 'body' && typeof e.properties.lang === 'string')) {
          const lang = String(element.properties.lang);
          if (lang in perLang) perLang[lang] += comparableText(hastToString(element));
        }
      }
      texts.set(edition.id, perLang);
      whole.set(edition.id, comparableText(xhtml.map(([, source]) => bodyText(parseXhtml(source))).join('')));
    }
  }
}, 900_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const setKey = (languages: readonly string[]) => [...languages].sort().join(',');

describe('the edition statement', () => {
  it('names exactly the edition’s languages, in each of its languages, and no other set', () => {
    for (const edition of editions) {
      const own = STATEMENTS[setKey(edition.languages)] ?? {};
      for (const lang of edition.languages) {
        const statement = own[lang];
        expect(statement, `${edition.id}: a statement in ${lang}`).toBeDefined();
        expect(whole.get(edition.id), `${edition.id} states in ${lang}: ${statement}`).toContain(comparable(statement ?? ''));
      }
      for (const [set, statements] of Object.entries(STATEMENTS)) {
        if (set === setKey(edition.languages)) continue;
        for (const statement of Object.values(statements)) expect(whole.get(edition.id), `${edition.id} must not say: ${statement}`).not.toContain(comparable(statement));
      }
    }
  });
});

/** Every `:::only` / `:::except` block of a language's files: its condition and the start of its text. */
async function conditionalBlocks(lang: string): Promise<{ keep: string; languages: string; probe: string }[]> {
  const dir = path.join(ROOT, LANGUAGE_DIRS[lang] ?? '');
  const found: { keep: string; languages: string; probe: string }[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md'))) {
    const text = await readFile(path.join(dir, name), 'utf8');
    for (const match of text.matchAll(/^:::(only|except)\{languages=([a-z,]+)\}\n([\s\S]*?)\n:::$/gm)) {
      found.push({ keep: match[1] ?? '', languages: (match[2] ?? '').split(',').sort().join(','), probe: comparable(match[3] ?? '').slice(0, 30) });
    }
  }
  return found;
}

describe('conditional content', () => {
  it('shows a block in the editions its condition names, in every language of them, and nowhere else', async () => {
    let checked = 0;
    for (const lang of ['en', 'vi', 'km']) {
      const blocks = await conditionalBlocks(lang);
      expect(blocks.length, `conditional blocks in ${lang}`).toBeGreaterThanOrEqual(7);
      for (const edition of editions.filter((e) => e.languages.includes(lang))) {
        const text = texts.get(edition.id)?.[lang] ?? '';
        for (const block of blocks) {
          const matches = block.languages === setKey(edition.languages);
          const kept = block.keep === 'only' ? matches : !matches;
          if (kept) expect(text, `${edition.id} (${lang}) shows ${block.keep}{languages=${block.languages}}: ${block.probe}`).toContain(block.probe);
          else expect(whole.get(edition.id), `${edition.id} leaves out ${block.keep}{languages=${block.languages}}: ${block.probe}`).not.toContain(block.probe);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('counts a conditional block once in `status`', async () => {
    const status = await runCli(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as { languages: { lang: string; chapters: { file: string; blocks: { total: number } }[] }[] };
    const source = await readFile(path.join(ROOT, 'manuscript/01-foreword.md'), 'utf8');
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
    const containers = [...body.matchAll(/^:::(only|except)\{[^}]*\}\n[\s\S]*?\n:::$/gm)].length;
    // Each container is one block, whatever it holds; every other block here is one paragraph.
    const paragraphs = body.replace(/^:::(only|except)\{[^}]*\}\n[\s\S]*?\n:::$/gm, '').split(/\n{2,}/).filter((b) => b.trim() !== '').length;
    expect(containers).toBeGreaterThanOrEqual(5);
    for (const language of report.languages) {
      const foreword = language.chapters.find((c) => c.file === '01-foreword.md');
      expect(foreword?.blocks.total, `${language.lang} foreword blocks`).toBe(paragraphs + containers);
    }
  });
});

/** "Noto Serif (Regular, Bold), Noto Serif Khmer (Regular)" after `prefix`, as family → styles, whitespace ignored. */
function statedFaces(text: string, prefix: string): Map<string, Set<string>> {
  const start = text.indexOf(comparable(prefix));
  expect(start, `the colophon names its fonts after ${prefix}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + comparable(prefix).length);
  const list = rest.slice(0, rest.search(/\)[.។]/) + 1);
  const faces = new Map<string, Set<string>>();
  for (const match of list.matchAll(/,?([^(),]+)\(([^)]*)\)/g)) faces.set(match[1] ?? '', new Set((match[2] ?? '').split(',')));
  return faces;
}

function sorted(faces: Map<string, Set<string>>): [string, string[]][] {
  return [...faces].map(([family, styles]): [string, string[]] => [family, [...styles].sort()]).sort((a, b) => a[0].localeCompare(b[0]));
}

describe('the colophon’s fonts', () => {
  it('are the faces pdffonts finds in each PDF, in every language of it', () => {
    for (const edition of editions.filter((e) => e.format === 'pdf')) {
      const embedded = new Map<string, Set<string>>();
      for (const font of pdfFonts(path.join(out, `${edition.id}.pdf`))) {
        expect(font.embedded, `${edition.id}: ${font.name} embedded`).toBe(true);
        const [family = '', style = 'Regular'] = font.name.replace(/^[A-Z]{6}\+/, '').split('-');
        embedded.set(family, (embedded.get(family) ?? new Set()).add(style));
      }
      expect(embedded.size).toBeGreaterThan(0);
      for (const lang of edition.languages) {
        const stated = statedFaces(texts.get(edition.id)?.[lang] ?? '', FONTS_PREFIX[lang] ?? '');
        expect(sorted(stated), `${edition.id} (${lang})`).toEqual(sorted(embedded));
      }
    }
  });

  it('are the font files each EPUB packs, in every language of it', () => {
    for (const edition of editions.filter((e) => e.format === 'epub')) {
      const files = epubFiles.get(edition.id) ?? new Map<string, string>();
      const css = [...files].filter(([name]) => name.endsWith('.css')).map(([, text]) => text).join('\n');
      const packed = new Map<string, Set<string>>();
      let rules = 0;
      for (const face of css.matchAll(/@font-face\s*\{[^}]*font-family:\s*'([^']+)';\s*font-style:\s*(\w+);\s*font-weight:\s*(\d+);[^}]*url\(([^)]+)\)/g)) {
        const href = face[4] ?? '';
        expect([...files.keys()].some((name) => name.endsWith(href)), `${edition.id} packs ${href}`).toBe(true);
        // The style as the colophon names it (spaces dropped by comparable): Regular, Italic, Bold, BoldItalic.
        const style = `${Number(face[3]) >= 700 ? 'Bold' : ''}${face[2] === 'italic' ? 'Italic' : ''}` || 'Regular';
        const family = comparable(face[1] ?? '');
        packed.set(family, (packed.get(family) ?? new Set()).add(style));
        rules++;
      }
      const fontFiles = [...files.keys()].filter((name) => /\.(woff2?|otf|ttf)$/.test(name));
      expect(rules, `${edition.id}: one @font-face per font file`).toBe(fontFiles.length);
      for (const lang of edition.languages) {
        const stated = statedFaces(texts.get(edition.id)?.[lang] ?? '', FONTS_PREFIX[lang] ?? '');
        expect(sorted(stated), `${edition.id} (${lang})`).toEqual(sorted(packed));
      }
    }
  });
});

describe('credits', () => {
  it('puts each article’s byline under its title in every language, and says when the source names no author', () => {
    for (const edition of editions) {
      for (const lang of edition.languages) {
        const text = texts.get(edition.id)?.[lang] ?? '';
        expect(text, `${edition.id} (${lang})`).toContain(comparable(NOT_CREDITED[lang] ?? ''));
        expect(text, `${edition.id} (${lang})`).toContain(comparable(lang === 'km' ? 'អ៊ុច លាង' : 'Uch Leang'));
      }
    }
  });

  it('credits each article’s author and translator in their roles in the EPUB metadata, and the book’s translators only for the edition’s languages', () => {
    for (const edition of editions.filter((e) => e.format === 'epub')) {
      const files = epubFiles.get(edition.id) ?? new Map<string, string>();
      const opf = [...files].find(([name]) => name.endsWith('.opf'))?.[1] ?? '';
      const people = [...opf.matchAll(/<dc:(creator|contributor) id="([^"]+)">([^<]+)<\/dc:\1>/g)].map((m) => {
        const role = new RegExp(`<meta refines="#${m[2] ?? ''}" property="role" scheme="marc:relators">([a-z]+)</meta>`).exec(opf)?.[1];
        return `${m[1] ?? ''} ${role ?? '?'} ${m[3] ?? ''}`;
      });
      expect(people, edition.id).toContain('creator aut Uch Leang');
      expect(people, edition.id).toContain('contributor trl Tran Hoai');
      // Who translated one source into English is no author of the book, nor one of its creators.
      expect(people.filter((p) => p.includes('Tran Hoai')), edition.id).toEqual(['contributor trl Tran Hoai']);
      const bookTranslators = people.filter((p) => p.includes('parallel-press draft translation')).length;
      expect(bookTranslators, edition.id).toBe(edition.languages.filter((l) => l !== 'en').length);
    }
  });
});
