import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import type { Element } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { epubEntries } from './helpers/epub.js';
import { elements, hasClass, parseXhtml } from './helpers/epub-text.js';
import { comparable, pdfPageCount, pdfText } from './helpers/pdf.js';

/**
 * The EPUB marks the pages of the print edition it names (`pageBreaksFrom`): built together with that
 * PDF, its page list must have one entry per PDF page, and every heading must sit after the marker
 * of the page the PDF prints it on (read back from the PDF's own text).
 */
describe.each(['trilingual-epub', 'km-epub'])('the page list of %s', (epubId) => {
  let pdf: string;
  let entries: Map<string, Uint8Array>;
  const spine = () => {
    const opf = strFromU8(entries.get('OEBPS/content.opf') ?? new Uint8Array());
    const hrefs = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    return [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => hrefs.get(m[1] ?? '') ?? '').filter((h) => /^\d\d-.*\.xhtml$/.test(h));
  };

  beforeAll(async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-pages-'));
    const result = await runCli(['build', ROOT, '--edition', 'trilingual-print', '--edition', epubId, '--out', outDir], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(result.code, result.stderr).toBe(0);
    pdf = path.join(outDir, 'trilingual-print.pdf');
    entries = await epubEntries(path.join(outDir, `${epubId}.epub`));
  });

  it('lists every page of the PDF once, in order, each pointing at its page-break marker', () => {
    const nav = parseXhtml(strFromU8(entries.get('OEBPS/toc.xhtml') ?? new Uint8Array()));
    const [pageList] = elements(nav, (e) => e.tagName === 'nav' && e.properties.role === 'doc-pagelist');
    const links = elements(pageList ?? nav, (e) => e.tagName === 'a');
    const count = pdfPageCount(pdf);
    expect(count).toBeGreaterThan(10);
    expect(links.map((a) => hastToString(a))).toEqual(Array.from({ length: count }, (_, i) => String(i + 1)));
    for (const link of links) {
      const [file, id] = String(link.properties.href).split('#');
      const [marker] = elements(parseXhtml(strFromU8(entries.get(`OEBPS/${file}`) ?? new Uint8Array())), (e) => e.properties.id === id);
      expect(marker?.properties.role, String(link.properties.href)).toBe('doc-pagebreak');
      expect(marker?.properties['epub:type'] ?? marker?.properties.epubType).toBe('pagebreak');
      expect(marker?.properties.ariaLabel).toBe(hastToString(link));
    }
    const opf = strFromU8(entries.get('OEBPS/content.opf') ?? new Uint8Array());
    expect(opf).toContain('<meta property="pageBreakSource">Cambodia');
    expect(opf).toContain('<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>');
  });

  it('puts every chapter and section heading after the marker of the PDF page that prints it', () => {
    const placed: string[] = [];
    let page = 0;
    for (const file of spine()) {
      const tree = parseXhtml(strFromU8(entries.get(`OEBPS/${file}`) ?? new Uint8Array()));
      visit(tree, 'element', (element: Element) => {
        if (element.properties.role === 'doc-pagebreak') {
          const next = Number(element.properties.ariaLabel);
          expect(next, `${file}: markers in order`).toBe(page + 1);
          page = next;
        }
        const heading = (element.tagName === 'h1' && hasClass(element, 'primary')) || (element.tagName === 'h2' && hasClass(element, 'primary'));
        if (!heading) return;
        const text = comparable(hastToString(element));
        const printed = comparable(pdfText(pdf, page, page));
        // A chapter opens on its page: the page before (the end of the last chapter, or a blank verso) does not show its title.
        const before = element.tagName === 'h1' && page > 1 && comparable(pdfText(pdf, page - 1, page - 1)).includes(text);
        placed.push(`${file} "${text.slice(0, 30)}" after marker ${page}: ${printed.includes(text) && !before ? 'printed there' : 'not on that page'}`);
      });
    }
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.filter((p) => !p.endsWith('printed there'))).toEqual([]);
  });
});
