import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { ROOT, runCli } from './helpers/cli.js';
import { epubEntries } from './helpers/epub.js';
import { comparable, pdfFonts, pdfLines, pdfText, type BoxLine } from './helpers/pdf.js';
import { pageGeometry } from '../src/layout/page-geometry.js';

/**
 * The book design, read back from real PDFs and an EPUB of the Friendship Year book: one CLI build of
 * its three PDF editions, two more trims (A4 columns, a custom 120×190 interleaved edition with an
 * ISBN) and the Khmer EPUB. Positions come from `pdftotext -bbox-layout`, faces from `pdffonts`.
 */

const PT_PER_MM = 72 / 25.4;

interface PdfSpec {
  id: string;
  layout: 'columns' | 'interleaved' | 'facing';
  languages: string[];
  trim: string;
  isbn?: string;
}

const EXTRA: PdfSpec[] = [
  { id: 'a4-columns', layout: 'columns', languages: ['en', 'vi', 'km'], trim: 'A4' },
  { id: 'small-interleaved', layout: 'interleaved', languages: ['en', 'vi', 'km'], trim: '120x190', isbn: '978-0-00-000000-2' },
];

let dir: string;
let pdfs: PdfSpec[];
const lines = new Map<string, { lines: BoxLine[]; heights: number[] }>();
const chapterPages = new Map<string, number[]>();
let epub: Map<string, Uint8Array>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pp-design-'));
  for (const part of ['manuscript', 'translations', 'glossary.yaml']) await cp(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  const config = parseYaml(await readFile(path.join(ROOT, 'book.yaml'), 'utf8')) as { editions: Record<string, unknown>[] };
  const own = config.editions.filter((e) => e.format === 'pdf') as unknown as PdfSpec[];
  pdfs = [...own, ...EXTRA];
  config.editions = [...own, ...EXTRA.map((e) => ({ format: 'pdf', ...e })), { id: 'km-epub', format: 'epub', languages: ['km'] }];
  await writeFile(path.join(dir, 'book.yaml'), stringifyYaml(config));
  const built = await runCli(['build', dir, '--out', path.join(dir, 'out')], { timeoutMs: 900_000, env: { SOURCE_DATE_EPOCH: '1767225600' } });
  expect(built.code, built.stderr).toBe(0);
  const manifest = JSON.parse(await readFile(path.join(dir, 'out', 'manifest.json'), 'utf8')) as { editions: { id: string; chapterPages?: Record<string, number> }[] };
  for (const edition of manifest.editions) chapterPages.set(edition.id, Object.values(edition.chapterPages ?? {}));
  for (const pdf of pdfs) lines.set(pdf.id, pdfLines(file(pdf.id)));
  epub = await epubEntries(path.join(dir, 'out', 'km-epub.epub'));
}, 900_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function file(id: string): string {
  return path.join(dir, 'out', `${id}.pdf`);
}

function text(line: BoxLine): string {
  return line.words.join(' ');
}

/** Pages without running head by design: the front matter (5 pages), blank pages, chapter openings. */
function openingPages(pdf: PdfSpec): Set<number> {
  const starts = chapterPages.get(pdf.id) ?? [];
  // A facing chapter opens on a spread: its verso and its recto.
  return new Set(pdf.layout === 'facing' ? starts.flatMap((p) => [p, p + 1]) : starts);
}

/** The lines of a page that sit in its head margin: the running head. */
function headLines(pdf: PdfSpec, page: number): BoxLine[] {
  const { margins } = pageGeometry(pdf);
  return (lines.get(pdf.id)?.lines ?? []).filter((l) => l.page === page && l.yMin < margins.top * PT_PER_MM - 6);
}

function pageCount(pdf: PdfSpec): number {
  return lines.get(pdf.id)?.heights.length ?? 0;
}

describe('front matter', () => {
  it('prints the title page on one page in every trim: its last line on page 3, the imprint alone on page 4', () => {
    for (const pdf of pdfs) {
      const titlePage = pdfText(file(pdf.id), 3, 3);
      const verso = pdfText(file(pdf.id), 4, 4);
      // The title chapter's last block (its edition statement), in the edition's last language, is on the title page.
      const last = pdf.languages.at(-1) === 'km' ? 'បោះពុម្ពជាបីភាសា' : 'Ấn bản song ngữ';
      expect(comparable(titlePage), pdf.id).toContain(comparable(last));
      expect(verso, pdf.id).toContain('Source articles © their authors and publishers');
      expect(verso, pdf.id).not.toContain('Two articles on the relations');
      expect(verso, pdf.id).not.toMatch(/Hai bài viết|អត្ថបទពីរ/);
    }
  });

  it('prints book.yaml\'s subtitle nowhere when the book has a title chapter: one source for it', () => {
    for (const pdf of pdfs) expect(pdfText(file(pdf.id), 3, 3).replace(/\s+/g, ' '), pdf.id).not.toContain('A commemorative edition for the Cambodia');
  });

  it('gives the ISBN on the title verso when the edition has one', () => {
    expect(pdfText(file('small-interleaved'), 4, 4)).toContain('ISBN 978-0-00-000000-2');
    expect(pdfText(file('trilingual-print'), 4, 4)).not.toContain('ISBN');
  });

  it('centres every block of the half-title and the title page, the last language too', () => {
    for (const pdf of pdfs) {
      const { page } = pageGeometry(pdf);
      const geometry = pageGeometry(pdf);
      for (const n of [1, 3]) {
        const own = (lines.get(pdf.id)?.lines ?? []).filter((l) => l.page === n);
        expect(own.length, `${pdf.id} page ${n}`).toBeGreaterThan(1);
        // Page 1 and 3 are rectos: the text block's middle is the inner margin plus half its width.
        const middle = (geometry.recto.leftMm + geometry.textArea.widthMm / 2) * PT_PER_MM;
        for (const line of own) expect(Math.abs((line.xMin + line.xMax) / 2 - middle), `${pdf.id} p${n} "${text(line)}" of ${page.widthMm} mm`).toBeLessThan(4);
      }
    }
  });
});

describe('running heads', () => {
  it('prints no running head on a chapter opening page, and one on the pages after it', () => {
    for (const pdf of pdfs) {
      const openings = openingPages(pdf);
      expect(openings.size, pdf.id).toBeGreaterThan(2);
      for (const page of openings) expect(headLines(pdf, page).map(text), `${pdf.id} page ${page}`).toEqual([]);
      const following = [...(chapterPages.get(pdf.id) ?? [])].map((p) => p + (pdf.layout === 'facing' ? 2 : 1)).filter((p) => p < pageCount(pdf) && !openings.has(p));
      expect(following.some((p) => headLines(pdf, p).length > 0), pdf.id).toBe(true);
    }
  });

  it('sets every running head on one line, at least 7 mm from the trim', () => {
    for (const pdf of pdfs) {
      for (let page = 1; page <= pageCount(pdf); page++) {
        const head = headLines(pdf, page);
        expect(new Set(head.map((l) => Math.round(l.yMin))).size, `${pdf.id} page ${page}: ${head.map(text).join(' / ')}`).toBeLessThanOrEqual(1);
        for (const line of head) expect(line.yMin, `${pdf.id} page ${page}`).toBeGreaterThan(7 * PT_PER_MM);
      }
    }
  });

  it('heads a facing verso in the verso language and its recto in the recto language', () => {
    const facing = pdfs.find((p) => p.layout === 'facing');
    if (!facing) throw new Error('the book has a facing edition');
    const heads = Array.from({ length: pageCount(facing) }, (_, n) => headLines(facing, n + 1).map(text).join(' ')).map((head, n) => ({ page: n + 1, head }));
    const versos = heads.filter((h) => h.page % 2 === 0 && h.head !== '');
    const rectos = heads.filter((h) => h.page % 2 === 1 && h.head !== '');
    expect(versos.length).toBeGreaterThan(2);
    expect(rectos.length).toBeGreaterThan(2);
    for (const { head } of versos) expect(head).toBe('Cambodia–Vietnam Friendship');
    // The recto heads are Vietnamese: its chapters' short titles.
    for (const { head } of rectos) expect(head).toMatch(/^(Lời nói đầu|Hữu nghị tiếp tục phát triển|Tài sản chung vô giá|Thông tin xuất bản)$/);
  });
});

describe('page geometry', () => {
  it('keeps the text of body pages inside the scheme\'s text block: head ≥ 15 mm, foot ≥ 18 mm, outer ≥ inner', () => {
    for (const pdf of pdfs) {
      const geometry = pageGeometry(pdf);
      const { margins } = geometry;
      expect(margins.top).toBeGreaterThanOrEqual(15);
      expect(margins.bottom).toBeGreaterThanOrEqual(18);
      expect(margins.outer).toBeGreaterThanOrEqual(margins.inner);
      const all = lines.get(pdf.id);
      if (!all) throw new Error(pdf.id);
      const openings = openingPages(pdf);
      let measured = 0;
      for (let page = 6; page <= pageCount(pdf); page++) {
        if (openings.has(page)) continue;
        const height = all.heights[page - 1] ?? 0;
        const body = all.lines.filter((l) => l.page === page && l.yMin >= margins.top * PT_PER_MM - 6 && l.yMin < height - margins.bottom * PT_PER_MM);
        if (body.length < 5) continue;
        measured++;
        const { leftMm, rightMm } = page % 2 === 0 ? geometry.verso : geometry.recto;
        const left = Math.min(...body.map((l) => l.xMin)) / PT_PER_MM;
        const right = geometry.page.widthMm - Math.max(...body.map((l) => l.xMax)) / PT_PER_MM;
        expect(left, `${pdf.id} page ${page} left margin`).toBeGreaterThan(leftMm - 1);
        expect(right, `${pdf.id} page ${page} right margin`).toBeGreaterThan(rightMm - 1);
        // The folio: below the text block, at least 7 mm from the foot of the page.
        const folio = all.lines.filter((l) => l.page === page && /^\d+$/.test(text(l)) && l.yMin > height - margins.bottom * PT_PER_MM);
        for (const line of folio) expect(height - line.yMin, `${pdf.id} page ${page} folio`).toBeGreaterThan(7 * PT_PER_MM);
      }
      expect(measured, pdf.id).toBeGreaterThan(3);
    }
  });
});

/**
 * The lines of body text of an edition with their column's right edge: lines are grouped by page
 * and by the column their left edge starts in (the columns' left edges are the most frequent xMin).
 */
function flushShare(pdf: PdfSpec): number {
  const all = lines.get(pdf.id)?.lines ?? [];
  const openings = openingPages(pdf);
  const { margins } = pageGeometry(pdf);
  let flush = 0;
  let total = 0;
  const pages = new Set(all.map((l) => l.page));
  for (const page of pages) {
    if (page < 6 || openings.has(page)) continue;
    const body = all.filter((l) => l.page === page && l.yMin > margins.top * PT_PER_MM && l.words.length > 3);
    const lefts = new Map<number, BoxLine[]>();
    for (const line of body) {
      const key = Math.round(line.xMin / 4) * 4;
      lefts.set(key, [...(lefts.get(key) ?? []), line]);
    }
    for (const column of lefts.values()) {
      if (column.length < 6) continue;
      const edge = Math.max(...column.map((l) => l.xMax));
      total += column.length;
      flush += column.filter((l) => edge - l.xMax < 0.6).length;
    }
  }
  return total === 0 ? 0 : flush / total;
}

describe('text', () => {
  it('sets a measure under 45 characters ragged-right in every language, and justifies a wider one', () => {
    const narrow = pdfs.find((p) => p.id === 'trilingual-print');
    const wide = pdfs.find((p) => p.id === 'trilingual-interleaved');
    if (!narrow || !wide) throw new Error('the book has a columns and an interleaved edition');
    // Ragged: only a line that happens to end at the edge; justified: every line but a paragraph's last.
    expect(flushShare(narrow)).toBeLessThan(0.12);
    expect(flushShare(wide)).toBeGreaterThan(0.5);
  });

  it('never hyphenates a capitalised word at a line end, nor starts a line with a dash', async () => {
    const dirs = ['manuscript', 'translations/vi', 'translations/km'];
    const files = (await Promise.all(dirs.map(async (d) => (await readdir(path.join(ROOT, d))).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, d, f))))).flat();
    const source = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    for (const pdf of pdfs) {
      const all = [...(lines.get(pdf.id)?.lines ?? [])].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
      all.forEach((line, n) => {
        expect(text(line), `${pdf.id} page ${line.page}`).not.toMatch(/^[–—]/);
        const last = line.words.at(-1) ?? '';
        // Chromium's hyphen at a soft hyphen reads back as U+2010 from -bbox-layout.
        if (!/^\p{Lu}\p{L}*[-\u2010\u00AD]$/u.test(last)) return;
        // The line after it in its own column: the next one down starting at the same left edge.
        const next = all.find((l, i) => i > n && l.page === line.page && Math.abs(l.xMin - line.xMin) < 30 && l.yMin > line.yMin)?.words[0] ?? '';
        // A hard hyphen (Cambodia-Vietnam) may end a line; a hyphen the build inserted may not.
        expect(source.includes(`${last.slice(0, -1)}-${next}`), `${pdf.id} page ${line.page}: "${last}" then "${next}"`).toBe(true);
      });
    }
  });

  it('spaces an interleaved group apart from the next more than its blocks from each other', () => {
    const all = (lines.get('trilingual-interleaved')?.lines ?? []).filter((l) => l.page > 7);
    // Language labels (VI, KM) sit beside the first line of each translation.
    const labels = all.filter((l) => /^(VI|KM)$/.test(text(l)));
    const gapsInside: number[] = [];
    const gapsBefore: number[] = [];
    for (const label of labels) {
      const page = all.filter((l) => l.page === label.page && !/^(VI|KM)$/.test(text(l))).sort((a, b) => a.yMin - b.yMin);
      const first = page.findIndex((l) => Math.abs(l.yMin - label.yMin) < 3);
      const above = page[first - 1];
      const own = page[first];
      if (above && own) gapsInside.push(own.yMin - above.yMin);
    }
    for (const line of all) {
      const page = all.filter((l) => l.page === line.page).sort((a, b) => a.yMin - b.yMin);
      const index = page.indexOf(line);
      const above = page[index - 1];
      // A primary block starts at the left edge of the text block after a translation's indented line.
      if (above && line.xMin + 10 < above.xMin && !/^(VI|KM)$/.test(text(line))) gapsBefore.push(line.yMin - above.yMin);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
    expect(gapsInside.length).toBeGreaterThan(10);
    expect(gapsBefore.length).toBeGreaterThan(10);
    expect(median(gapsBefore)).toBeGreaterThan(median(gapsInside) + 4);
  });

  it('fits the colophon on one page in the book\'s trims (A5, B5) and A4', () => {
    // A trilingual colophon does not fit a 120×190 page at its size: left out here, and said so.
    for (const pdf of pdfs.filter((p) => p.id !== 'small-interleaved')) {
      const starts = chapterPages.get(pdf.id) ?? [];
      const colophon = Math.max(...starts);
      // The colophon is the last chapter: it ends the book on its opening page (the spread, facing).
      expect(pageCount(pdf) - colophon, pdf.id).toBe(pdf.layout === 'facing' ? 1 : 0);
    }
  });
});

describe('Khmer', () => {
  it('sets Khmer in real faces, never slanted: Noto Serif Khmer Regular and Bold, no Khmer italic or oblique', () => {
    for (const pdf of pdfs.filter((p) => p.languages.includes('km'))) {
      const khmer = pdfFonts(file(pdf.id)).filter((f) => /Khmer/.test(f.name));
      expect(khmer.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort(), pdf.id).toEqual(['NotoSerifKhmer-Bold', 'NotoSerifKhmer-Regular']);
    }
  });

  it('sets Khmer headings as large as the Latin ones, relative to their body text', () => {
    for (const pdf of pdfs.filter((p) => p.languages.includes('km'))) {
      const opening = (chapterPages.get(pdf.id) ?? [])[1] ?? 0;
      // A chapter's title lines are the tallest word boxes of their script on its opening page; the
      // body's are the commonest on the page after it. Box heights are the size × the face's extent.
      const tallest = (khmer: boolean) => Math.max(...wordHeights(pdf.id, opening).filter((b) => b.khmer === khmer).map((b) => b.height));
      const body = (khmer: boolean) => median(wordHeights(pdf.id, opening + 1).filter((b) => b.khmer === khmer).map((b) => b.height));
      expect(tallest(true) / body(true), pdf.id).toBeGreaterThanOrEqual((tallest(false) / body(false)) * 0.95);
      expect(body(true), pdf.id).toBeGreaterThanOrEqual(body(false));
    }
  });
});

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** Heights of the words' boxes of a page (font size × the face's ascent and descent), with their script. */
function wordHeights(id: string, page: number): { khmer: boolean; height: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file(id), '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    khmer: /[\u1780-\u17FF]/.test(m[3] ?? ''),
    height: Number(m[2]) - Number(m[1]),
  }));
}

describe('EPUB faces', () => {
  it('embeds every face its CSS uses, Khmer Bold among them, and no Khmer italic', () => {
    const css = [...epub.entries()].filter(([name]) => name.endsWith('.css')).map(([, data]) => new TextDecoder().decode(data)).join('\n');
    const faces = [...css.matchAll(/@font-face \{ font-family: '([^']+)'; font-style: (\w+); font-weight: (\d+); src: url\(([^)]+)\)/g)].map((m) => ({ family: m[1], style: m[2], weight: Number(m[3]), href: m[4] ?? '' }));
    for (const face of faces) expect([...epub.keys()].some((name) => name.endsWith(face.href)), face.href).toBe(true);
    const has = (family: string, style: string, weight: number) => faces.some((f) => f.family === family && f.style === style && f.weight === weight);
    expect(has('Noto Serif', 'normal', 400)).toBe(true);
    expect(has('Noto Serif', 'normal', 700)).toBe(true); // headings
    expect(has('Noto Serif', 'italic', 400)).toBe(true); // bylines, emphasis
    expect(has('Noto Serif Khmer', 'normal', 400)).toBe(true);
    expect(has('Noto Serif Khmer', 'normal', 700)).toBe(true); // Khmer headings and emphasis
    expect(faces.some((f) => f.family === 'Noto Serif Khmer' && f.style === 'italic')).toBe(false);
    expect(css).toMatch(/font-synthesis: none/);
    expect(css).toMatch(/:lang\(km\) em[^{]*\{ font-style: normal; font-weight: 700; \}/);
  });
});
