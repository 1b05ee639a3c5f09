import { execFileSync } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';
import { bodyLines, bodyText, comparable, pdfFonts, pdfText } from './helpers/pdf.js';

/**
 * Edition options on a copy of the mini book, with a row longer than a page: column widths, the
 * primary language of an interleaved edition, margins, a facing edition whose long row runs over two
 * spreads, and the press PDF.
 */
const LONG = {
  en: 'The river carries silt from the mountains to the delta, season after season. ',
  km: 'ទន្លេនាំដីល្បាប់ពីភ្នំទៅដីសណ្ដ រដូវបន្ទាប់ពីរដូវ។ ',
};
let dir: string;

beforeAll(async () => {
  dir = await copyBook(path.join(FIXTURES, 'books/mini'));
  // One row far longer than an A5 page, then a short one after it.
  await appendFile(path.join(dir, 'manuscript/01-river.md'), `\n${LONG.en.repeat(70)}\n\nThe delta feeds millions.\n`);
  await appendFile(path.join(dir, 'translations/km/01-river.md'), `\n${LONG.km.repeat(70)}\n\nដីសណ្ដចិញ្ចឹមមនុស្សរាប់លាននាក់។\n`);
  await appendFile(path.join(dir, 'translations/vi/01-river.md'), `\n${'Dòng sông mang phù sa từ núi xuống đồng bằng, mùa này qua mùa khác. '.repeat(70)}\n\nĐồng bằng nuôi sống hàng triệu người.\n`);
  const yaml = (await readFile(path.join(dir, 'book.yaml'), 'utf8')).replace(/editions:[\s\S]*$/, '');
  await writeFile(
    path.join(dir, 'book.yaml'),
    `${yaml}editions:
  - { id: wide-khmer, format: pdf, layout: columns, trim: A5, columnWidths: [1, 1, 1.6], press: true }
  - { id: vi-first, format: pdf, layout: interleaved, trim: A5, primary: vi, margins: { inner: 28, outer: 9 } }
  - { id: en-km-facing, format: pdf, layout: facing, languages: [en, km], trim: A5 }
`,
  );
  const result = await runCli(['build', dir]);
  expect(result.code, result.stderr).toBe(0);
}, 300_000);

const pdf = (id: string) => path.join(dir, 'build', `${id}.pdf`);

describe('edition options', () => {
  it('columnWidths: the Khmer column is 1.6 times as wide as the English one', () => {
    const lines = bodyLines(pdf('wide-khmer')).filter((l) => l.page > 5);
    // The width most lines of a column reach (the 80th percentile): a chapter opening's title block
    // spans every column, so its few lines are not the column's measure.
    const widest = (khmer: boolean) => {
      const widths = lines.filter((l) => /[\u1780-\u17ff]/.test(l.words.join('')) === khmer && !/[ạ-ỹđ]/i.test(l.words.join(''))).map((l) => l.xMax - l.xMin).sort((a, b) => a - b);
      return widths[Math.floor(widths.length * 0.8)] ?? 0;
    };
    expect(widest(true) / widest(false)).toBeGreaterThan(1.4);
  });

  it('primary: an interleaved edition sets each Vietnamese block before its English one', () => {
    const text = comparable(bodyText(pdf('vi-first')));
    const vi = text.indexOf(comparable('Sông Mê Kông chảy từ núi cao ra biển.'));
    const en = text.indexOf(comparable('The Mekong flows from the mountains to the sea.'));
    expect(vi).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(vi);
  });

  it('margins: an edition sets its own inner and outer margins, mirrored; the others keep the book design\'s', () => {
    const mm = (pt: number) => (pt * 25.4) / 72;
    const edges = (id: string, parity: number) => {
      const lines = bodyLines(pdf(id)).filter((l) => l.page > 5 && l.page % 2 === parity);
      expect(lines.length, `${id}: body lines on ${parity ? 'rectos' : 'versos'}`).toBeGreaterThan(10);
      return { left: mm(Math.min(...lines.map((l) => l.xMin))), right: 148 - mm(Math.max(...lines.map((l) => l.xMax))) };
    };
    // Rectos (odd pages) have the binding on the left; justified text reaches the right margin.
    expect(edges('vi-first', 1).left).toBeCloseTo(28, 0);
    expect(edges('vi-first', 1).right).toBeCloseTo(9, 0);
    expect(edges('vi-first', 0).left).toBeCloseTo(9, 0);
    expect(edges('vi-first', 0).right).toBeCloseTo(28, 0);
    // The scheme's A5 margins (src/layout/page-geometry.ts): inner 13 mm, outer 16.5 mm.
    expect(edges('wide-khmer', 1).left).toBeCloseTo(13, 0);
    expect(edges('wide-khmer', 0).left).toBeCloseTo(16.5, 0);
  });

  it('facing: a row longer than a page runs over the next spread on both sides, and the next row opens a spread again', () => {
    const pages = pdfText(pdf('en-km-facing')).split('\f').map(comparable);
    const pageOf = (text: string) => pages.findIndex((p) => p.includes(comparable(text))) + 1;
    const longEn = pageOf(LONG.en);
    const longKm = pageOf(LONG.km);
    expect(longEn % 2).toBe(0);
    expect(longKm).toBe(longEn + 1);
    const afterEn = pageOf('The delta feeds millions.');
    const afterKm = pageOf('ដីសណ្ដចិញ្ចឹមមនុស្សរាប់លាននាក់។');
    expect(afterEn).toBeGreaterThanOrEqual(longEn + 2);
    expect(afterEn % 2).toBe(0);
    expect(afterKm).toBe(afterEn + 1);
    // Every word of the long row is printed, on its own side: 70 sentences each.
    const side = (parity: number) => comparable(bodyText(pdf('en-km-facing'), (p) => p % 2 === parity));
    expect(side(0).split(comparable(LONG.en)).length - 1).toBe(70);
    expect(side(1).split(comparable(LONG.km)).length - 1).toBe(70);
  });

  it('press: the printer gets PDF/X-3 with 3 mm bleed, crop marks room, TrimBox at the trim and every font embedded', () => {
    const info = execFileSync('pdfinfo', ['-box', path.join(dir, 'build/wide-khmer.press.pdf')], { encoding: 'utf8' });
    const boxOf = (name: string) => (new RegExp(`^${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`, 'm').exec(info) ?? []).slice(1).map(Number);
    const mm = (pt: number) => (pt * 25.4) / 72;
    const [tx0 = 0, ty0 = 0, tx1 = 0, ty1 = 0] = boxOf('TrimBox');
    const [bx0 = 0, by0 = 0, bx1 = 0, by1 = 0] = boxOf('BleedBox');
    const [, , mx1 = 0, my1 = 0] = boxOf('MediaBox');
    expect(mm(tx1 - tx0)).toBeCloseTo(148, 0);
    expect(mm(ty1 - ty0)).toBeCloseTo(210, 0);
    expect(mm(tx0 - bx0)).toBeCloseTo(3, 1);
    expect(mm(by1 - ty1)).toBeCloseTo(3, 1);
    expect(mm(mx1 - bx1)).toBeGreaterThan(5); // the slug, where the crop marks are
    expect(mm(my1)).toBeGreaterThan(210 + 2 * 8);
    expect(info).toMatch(/PDF subtype:\s+PDF\/X-3:2002/);
    expect(pdfFonts(path.join(dir, 'build/wide-khmer.press.pdf')).every((f) => f.embedded)).toBe(true);
  });

  it('press: the screen PDF stays the default, at the trim size without marks', () => {
    const info = execFileSync('pdfinfo', ['-box', pdf('wide-khmer')], { encoding: 'utf8' });
    const [w = 0, h = 0] = (/Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? []).slice(1).map(Number);
    expect([Math.round((w * 25.4) / 72), Math.round((h * 25.4) / 72)]).toEqual([148, 210]);
    expect(info).not.toMatch(/PDF subtype/);
  });
});

describe('edition options that cannot be printed', () => {
  it.each([
    ['a facing edition of three languages', '  - { id: bad, format: pdf, layout: facing, languages: [en, vi, km] }', /two languages for a facing edition/],
    ['column widths that do not match the languages', '  - { id: bad, format: pdf, columnWidths: [1, 2] }', /one width per language of the edition \(3: en, vi, km\)/],
    ['a primary language the edition lacks', '  - { id: bad, format: pdf, layout: interleaved, languages: [en, km], primary: vi }', /one of the edition's languages \(en, km\)/],
  ])('reports %s at its line in book.yaml, and builds nothing', async (_what, line, message) => {
    const book = await copyBook(path.join(FIXTURES, 'books/mini'));
    const yaml = (await readFile(path.join(book, 'book.yaml'), 'utf8')).replace(/editions:[\s\S]*$/, `editions:\n${line}\n`);
    await writeFile(path.join(book, 'book.yaml'), yaml);
    const result = await runCli(['build', book]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/book\.yaml:\d+:\d+/);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
