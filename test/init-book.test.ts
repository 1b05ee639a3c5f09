import { mkdtemp, readFile, readdir, symlink, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../src/config/load.js';
import { languageCss, marginBoxCss } from '../src/layout/script-css.js';
import { dictionaryWordBreaks } from '../src/text/word-breaks.js';
import { hasStackTrace, ROOT, runCli } from './helpers/cli.js';
import { epubcheck, unzipEpub } from './helpers/epub.js';
import { bodyText, comparableText, parseXhtml } from './helpers/epub-text.js';
import { comparable, pdfFonts, pdfLines } from './helpers/pdf.js';

/** Real text for the sample chapter's three blocks (title, paragraph, heading, paragraph) in Thai and Lao. */
const TRANSLATIONS = {
  th: {
    title: 'บทแรก',
    first: 'นี่คือย่อหน้าแรกของหนังสือ แทนที่ด้วยข้อความของคุณเอง ทุกย่อหน้าที่นี่จะวางเคียงข้างกับย่อหน้าเดียวกันของทุกคำแปล',
    heading: 'ส่วนแรก',
    second: 'ส่วนหนึ่งเริ่มต้นที่หัวเรื่องที่มีรหัสในวงเล็บปีกกา คำแปลจะเก็บรหัสไว้ เพื่อให้สามารถค้นหาส่วนที่เปลี่ยนแปลงได้ในทุกภาษา',
  },
  lo: {
    title: 'ບົດທຳອິດ',
    first: 'ນີ້ແມ່ນວັກທຳອິດຂອງປຶ້ມ ປ່ຽນແທນດ້ວຍຂໍ້ຄວາມຂອງທ່ານເອງ ທຸກວັກຢູ່ນີ້ຈະຖືກວາງຄຽງຂ້າງວັກດຽວກັນຂອງທຸກການແປ',
    heading: 'ພາກທຳອິດ',
    second: 'ພາກໜຶ່ງເລີ່ມຕົ້ນທີ່ຫົວຂໍ້ທີ່ມີລະຫັດໃນວົງເລັບ ການແປຈະຮັກສາລະຫັດໄວ້ ເພື່ອໃຫ້ຊອກຫາພາກທີ່ປ່ຽນແປງໄດ້ໃນທຸກພາສາ',
  },
} as const;

function translation(text: (typeof TRANSLATIONS)[keyof typeof TRANSLATIONS]): string {
  return `---\nstatus: draft\ntitle: ${text.title}\n---\n\n${text.first}\n\n## ${text.heading} {#first-section}\n\n${text.second}\n`;
}

describe('init: a new book in English, Thai and Lao', () => {
  let work: string;
  let book: string;
  let initOutput: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'pp-init-'));
    book = path.join(work, 'book');
    const result = await runCli(['init', book, '--languages', 'en,th,lo', '--title', 'Three scripts: a test'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    initOutput = result.stdout;
  });

  it('writes a valid book.yaml with a fresh urn:uuid, a description, a PDF and an EPUB edition', async () => {
    const source = await readFile(path.join(book, 'book.yaml'), 'utf8');
    const config = parseConfig(source);
    expect(config.identifier).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(config.title).toEqual({ en: 'Three scripts: a test', th: 'Three scripts: a test', lo: 'Three scripts: a test' });
    expect(config.description).toMatch(/Replace this/);
    expect(config.languages).toEqual(['en', 'th', 'lo']);
    expect(config.editions.map((e) => e.format).sort()).toEqual(['epub', 'pdf']);
    // The CI workflow's matrix: the edition ids, as JSON.
    const editions = await runCli(['editions', book, '--json'], { cwd: work });
    expect(JSON.parse(editions.stdout)).toEqual(config.editions.map((e) => e.id));
    // A second book gets another identifier.
    const other = await runCli(['init', path.join(work, 'other'), '--languages', 'en'], { cwd: work });
    expect(other.code).toBe(0);
    expect(parseConfig(await readFile(path.join(work, 'other', 'book.yaml'), 'utf8')).identifier).not.toBe(config.identifier);
  });

  it('writes a sample chapter with a heading id, scaffolded translations, .gitignore and the CI workflow', async () => {
    expect(await readFile(path.join(book, 'manuscript/01-first-chapter.md'), 'utf8')).toMatch(/^## .+ \{#first-section\}$/m);
    for (const lang of ['th', 'lo']) {
      const text = await readFile(path.join(book, 'translations', lang, '01-first-chapter.md'), 'utf8');
      expect(text).toContain('status: draft');
      expect(text.match(/^:::untranslated$/gm)).toHaveLength(2);
      expect(text).toMatch(/\{#first-section\}/);
    }
    expect(await readFile(path.join(book, '.gitignore'), 'utf8')).toMatch(/^build\/$/m);
    const workflow = parse(await readFile(path.join(book, '.github/workflows/build.yml'), 'utf8')) as { env: Record<string, string> };
    expect(workflow.env.PARALLEL_PRESS).toMatch(/^parallel-press@\d+\.\d+\.\d+$/);
    expect(initOutput).toContain('book.yaml');
  });

  it('refuses to overwrite a book: exit 1, a diagnostic, nothing changed', async () => {
    const before = await readFile(path.join(book, 'book.yaml'), 'utf8');
    const result = await runCli(['init', book, '--languages', 'en,vi'], { cwd: work });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/A book is already in .*book\.yaml.*never overwrites a book.*\[init-exists\]/s);
    expect(await readFile(path.join(book, 'book.yaml'), 'utf8')).toBe(before);
    expect(await readdir(path.join(book, 'translations'))).toEqual(expect.not.arrayContaining(['vi']));
  });

  it('keeps the .gitignore and workflow of an existing repository, adding build/ to the .gitignore', async () => {
    const repo = path.join(work, 'repo');
    await mkdir(path.join(repo, '.github/workflows'), { recursive: true });
    await writeFile(path.join(repo, '.gitignore'), '*.log');
    await writeFile(path.join(repo, '.github/workflows/build.yml'), 'name: ours\n');
    const result = await runCli(['init', repo, '--languages', 'en'], { cwd: work });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(repo, '.gitignore'), 'utf8')).toBe('*.log\nbuild/\nnode_modules/\n');
    expect(await readFile(path.join(repo, '.github/workflows/build.yml'), 'utf8')).toBe('name: ours\n');
    expect(result.stdout).not.toContain('build.yml');
  });

  it('refuses a language the font table does not know, naming the scripts it does', async () => {
    const result = await runCli(['init', path.join(work, 'unknown'), '--languages', 'en,zz'], { cwd: work });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/"zz" is not in it \(scripts: Latin, Khmer, Lao, Thai, Myanmar/);
    await expect(readdir(path.join(work, 'unknown'))).rejects.toThrow();
  });

  describe('translated into Thai and Lao, then built', () => {
    let pdf: string;
    let epub: string;

    beforeAll(async () => {
      for (const lang of ['th', 'lo'] as const) await writeFile(path.join(book, 'translations', lang, '01-first-chapter.md'), translation(TRANSLATIONS[lang]));
      const result = await runCli(['build', book], { cwd: work, env: { SOURCE_DATE_EPOCH: '1767225600' } });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      pdf = path.join(book, 'build/print.pdf');
      epub = path.join(book, 'build/ebook.epub');
    }, 180_000);

    it('prints Thai in Noto Serif Thai and Lao in Noto Serif Lao, and their text reads back exactly', () => {
      const fonts = pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
      expect(fonts).toEqual(expect.arrayContaining(['NotoSerifThai-Regular', 'NotoSerifLao-Regular', 'NotoSerifThai-Bold', 'NotoSerifLao-Bold']));
      // Each script's text in reading order (page, line, column), so that a paragraph crossing a page
      // break reads on. Left out: a "line" whose top is at the text block's foot — Chromium paints there
      // the tops of the marks of a Thai line pushed to the next page (README Limits), whose full text
      // is on the next page.
      const { lines, heights } = pdfLines(pdf);
      const text = lines
        .filter((l) => l.yMin < (heights[l.page - 1] ?? 0) - (18 * 72) / 25.4 - 2)
        .sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)
        .map((l) => l.words.join(''))
        .join('');
      const SCRIPT = { th: /[^\u0E00-\u0E7F]/gu, lo: /[^\u0E80-\u0EFF]/gu } as const;
      for (const lang of ['th', 'lo'] as const) {
        const own = comparable(text).replace(SCRIPT[lang], '');
        for (const block of Object.values(TRANSLATIONS[lang])) expect(own, `${lang}: ${block}`).toContain(comparable(block).replace(SCRIPT[lang], ''));
      }
    });

    it('makes an EPUB that passes epubcheck, embeds both faces and breaks Thai and Lao words with U+200B', async () => {
      const check = await epubcheck(epub);
      expect(check.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')).toEqual([]);
      const files = await unzipEpub(epub);
      const names = [...files.keys()];
      expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/fonts\/noto-serif-thai\.woff2$/), expect.stringMatching(/fonts\/noto-serif-lao\.woff2$/)]));
      const css = [...files].filter(([name]) => name.endsWith('.css')).map(([, text]) => text).join('\n');
      expect(css).toContain(":lang(th) { font-family: 'Noto Serif Thai', 'Noto Serif', serif;");
      const chapter = [...files].find(([name]) => name.endsWith('01-first-chapter.xhtml'))?.[1] ?? '';
      const body = bodyText(parseXhtml(chapter));
      for (const lang of ['th', 'lo'] as const) {
        for (const block of [TRANSLATIONS[lang].first, TRANSLATIONS[lang].second]) {
          expect(comparableText(body)).toContain(comparableText(block));
          expect(body).toContain(dictionaryWordBreaks(block, lang));
        }
      }
      expect(body).toContain('ทุก\u200Bย่อหน้า');
    });
  });
});

describe('the font table', () => {
  it('leaves the EPUB CSS and the print margin boxes of English, Vietnamese and Khmer as they were', async () => {
    const epubCss = await readFile(path.join(ROOT, 'templates/epub.css'), 'utf8');
    // epub.css sets them itself; print.css comes after the table's rules and sets them by hand.
    expect(languageCss(['en', 'vi', 'km'], epubCss, 'epub')).toBe('');
    expect(languageCss(['en', 'vi'], '', 'print')).toBe('');
    expect(marginBoxCss(['en', 'vi', 'km'])).toBe('');
    expect(marginBoxCss(['en', 'lo'])).toContain("@top-left { font-family: 'Noto Serif', 'Noto Serif Khmer', 'Noto Serif Lao'; }");
    expect(languageCss(['en', 'my'], '', 'print')).toBe(":lang(my) { font-family: 'Noto Sans Myanmar', 'Noto Serif'; text-align: start; hyphens: none; }\n[lang=\"my\"] { line-height: calc(var(--leading) * var(--leading-scale)); }\n");
    expect(languageCss(['en', 'my'], '', 'epub')).toBe(":lang(my) { font-family: 'Noto Sans Myanmar', 'Noto Serif', serif; line-height: 1.9; text-align: start; hyphens: none; }\n");
    // A house EPUB style that sets Thai itself wins over the table.
    expect(languageCss(['th'], ':lang(th) { font-family: "Sarabun"; }', 'epub')).toBe('');
  });

  it('breaks Khmer, Lao, Thai and Myanmar between dictionary words, never text with spaces', () => {
    expect(dictionaryWordBreaks('ภาษาไทยเป็นภาษา', 'th')).toBe('ภาษา\u200Bไทย\u200Bเป็น\u200Bภาษา');
    expect(dictionaryWordBreaks('ພາສາລາວເປັນພາສາ', 'lo')).toBe('ພາສາ\u200Bລາວ\u200Bເປັນ\u200Bພາສາ');
    expect(dictionaryWordBreaks('မြန်မာဘာသာစကားသည်', 'my').split('\u200B').length).toBeGreaterThan(1);
    expect(dictionaryWordBreaks('មិត្តភាពកម្ពុជាវៀតណាម', 'km')).toBe('មិត្តភាព\u200Bកម្ពុជា\u200Bវៀតណាម');
    expect(dictionaryWordBreaks('Tiếng Việt', 'vi')).toBe('Tiếng Việt');
    // No break before a digit or punctuation.
    expect(dictionaryWordBreaks('ภาษา๑๒', 'th')).not.toMatch(/\u200B[๑๒]/);
  });

  it('names the Debian package when a family of the table is not installed (font-missing)', async () => {
    // A fontconfig that sees Noto Serif only: Noto Serif Thai is missing as on a machine without it.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-fontconfig-'));
    const fonts = path.join(dir, 'fonts');
    await mkdir(fonts);
    for (const face of ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf']) await symlink(path.join('/usr/share/fonts/truetype/noto', face), path.join(fonts, face));
    await writeFile(path.join(dir, 'fonts.conf'), `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${dir}/cache</cachedir></fontconfig>\n`);
    const work = await mkdtemp(path.join(os.tmpdir(), 'pp-init-'));
    expect((await runCli(['init', 'book', '--languages', 'en,th'], { cwd: work })).code).toBe(0);
    const result = await runCli(['build', 'book', '--edition', 'print'], { cwd: work, env: { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') } });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toMatch(/book\.yaml.*Font "Noto Serif Thai" for the book language\(s\) th .*install it with `apt-get install fonts-noto-core`.*\[font-missing\]/);
    // The EPUB embeds the table's faces: the same family, the same package.
    const ebook = await runCli(['build', 'book', '--edition', 'ebook'], { cwd: work, env: { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') } });
    expect(ebook.code).toBe(1);
    expect(hasStackTrace(ebook.stderr)).toBe(false);
    expect(ebook.stderr).toMatch(/The font Noto Serif Thai Regular is not installed.*expected it for the EPUB; install it with `apt-get install fonts-noto-core`.*\[font-missing\]/);
    // Every face missing is named, whichever fontconfig answered first: here Noto Serif Bold Italic as well.
    expect(ebook.stderr).toMatch(/The font Noto Serif Bold Italic is not installed/);
  }, 120_000);
});
