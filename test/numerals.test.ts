import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { toString as hastToString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';
import { epubEntries } from './helpers/epub.js';
import { elements, parseXhtml } from './helpers/epub-text.js';
import { comparable, pdfText } from './helpers/pdf.js';

const KHMER_DIGIT = /[\u17e0-\u17e9]/u;

/**
 * book.yaml `numerals: { km: { digits: khmer } }`: the Khmer text of the built PDF and EPUB shows
 * ០–៩ where the translator typed 0–9; English and Vietnamese keep Latin digits, and so do digits
 * that belong to a URL, code or a name such as A4. The markdown is never rewritten.
 */
describe('numerals per language', () => {
  let dir: string;
  let pdf: string;
  let epubXhtml: string[];
  const typed = '2,76 ពាន់លានដុល្លារ ក្នុងឆ្នាំ 2024 កើនឡើង 1.500';

  beforeAll(async () => {
    dir = await copyBook(path.join(FIXTURES, 'books/numerals'));
    const built = await runCli(['build', dir, '--no-cache']);
    expect(built.code, built.stderr).toBe(0);
    pdf = comparable(pdfText(path.join(dir, 'build/numerals-print.pdf')));
    const entries = await epubEntries(path.join(dir, 'build/numerals-epub.epub'));
    epubXhtml = [...entries].filter(([name]) => name.endsWith('.xhtml')).map(([, bytes]) => strFromU8(bytes));
  }, 180_000);

  it('prints the Khmer numbers in Khmer digits, separators as typed', () => {
    for (const number of ['២,៧៦', '២០២៤', '១.៥០០', '៤៨ទំព័រ', 'ពាណិជ្ជកម្មឆ្នាំ២០២៥']) expect(pdf).toContain(comparable(number));
  });

  it('leaves English and Vietnamese digits, URLs, code and names Latin', () => {
    for (const latin of ['USD2.76billionin2024', 'tỷUSDnăm2024', 'tăng1.500', 'report-2025', 'table-3079', 'bảnA4có48', 'ពុម្ពA4']) expect(pdf).toContain(comparable(latin));
    expect(pdf).not.toContain('២០២៥និង');
  });

  it('shows Khmer digits in the EPUB only inside km elements', () => {
    const all = epubXhtml.map((xhtml) => parseXhtml(xhtml));
    const km = all.flatMap((tree) => elements(tree, (e) => e.properties.lang === 'km' && e.tagName !== 'html')).map((e) => hastToString(e));
    const others = all.flatMap((tree) => elements(tree, (e) => (e.properties.lang === 'vi' || e.properties.lang === 'en') && e.tagName !== 'html')).map((e) => hastToString(e));
    expect(km.join('\n').replace(/\u200b/g, '')).toContain('២,៧៦ ពាន់លានដុល្លារ ក្នុងឆ្នាំ ២០២៤ កើនឡើង ១.៥០០');
    expect(km.join('\n')).toContain('report-2025');
    expect(others.length).toBeGreaterThan(0);
    // The reading system's table of contents too.
    expect(epubXhtml.find((xhtml) => xhtml.includes('epub:type="toc"'))).toContain('ពាណិជ្ជកម្មឆ្នាំ ២០២៥');
    for (const text of others) expect(text).not.toMatch(KHMER_DIGIT);
  });

  it('keeps the Latin digits the translator typed in the markdown', async () => {
    const markdown = await readFile(path.join(dir, 'translations/km/01-trade.md'), 'utf8');
    expect(markdown).toContain(typed);
    expect(markdown).not.toMatch(KHMER_DIGIT);
  });

  it('checks the fixture without a separator warning (km 2,76 and 1.000 are right)', async () => {
    const checked = await runCli(['check', dir, '--json']);
    expect(checked.code).toBe(0);
    expect(checked.stdout).not.toContain('number-separator-ambiguous');
  });
});
