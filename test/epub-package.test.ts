import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { epubEntries } from './helpers/epub.js';
import { buildEpubs, EPUB_BOOKS, type BuiltEpub } from './helpers/epub-books.js';
import { elements, hasClass, parseXhtml } from './helpers/epub-text.js';

const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z

interface Config {
  identifier: string;
  title: Record<string, string>;
  description: string;
  publisher?: string;
  rights?: string;
  subjects?: string[];
  authors?: { name: string; role?: string }[];
  translators?: { name: string; language: string }[];
  editions: { id: string; pageBreaksFrom?: string }[];
}

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]);

/** The package: reproducible bytes, metadata from book.yaml, navigation and the cover. */
describe.each(EPUB_BOOKS.map((dir) => [path.basename(dir), dir]))('the EPUB package of %s', (_name, bookDir) => {
  let first: BuiltEpub[];
  let second: BuiltEpub[];
  let config: Config;

  beforeAll(async () => {
    [first, second] = await Promise.all([buildEpubs(bookDir, { SOURCE_DATE_EPOCH: EPOCH }), buildEpubs(bookDir, { SOURCE_DATE_EPOCH: EPOCH })]);
    config = parseYaml(await readFile(path.join(bookDir, 'book.yaml'), 'utf8')) as Config;
  });

  it('is byte-identical across two builds with the same SOURCE_DATE_EPOCH', async () => {
    for (const [index, epub] of first.entries()) {
      const [a, b] = await Promise.all([readFile(epub.file), readFile(second[index]?.file ?? '')]);
      expect(a.equals(b), `${epub.id}: ${a.byteLength} and ${b.byteLength} bytes`).toBe(true);
    }
  });

  it('starts with mimetype, stored, without extra field; every entry carries the SOURCE_DATE_EPOCH time', async () => {
    for (const epub of first) {
      const zip = await readFile(epub.file);
      expect(zip.readUInt32LE(0)).toBe(0x04034b50);
      expect(zip.readUInt16LE(8), 'stored').toBe(0);
      expect(zip.readUInt16LE(28), 'extra field length').toBe(0);
      expect(zip.subarray(30, 30 + zip.readUInt16LE(26)).toString()).toBe('mimetype');
      expect(zip.subarray(38, 58).toString()).toBe('application/epub+zip');
      // DOS date of 2026-01-01 00:00:00: ((2026 - 1980) << 9) | (1 << 5) | 1, time 0.
      expect([zip.readUInt16LE(10), zip.readUInt16LE(12)]).toEqual([0, ((2026 - 1980) << 9) | (1 << 5) | 1]);
    }
  });

  it('takes the package metadata from book.yaml, dcterms:modified from SOURCE_DATE_EPOCH', async () => {
    for (const epub of first) {
      const opf = strFromU8((await epubEntries(epub.file)).get('OEBPS/content.opf') ?? new Uint8Array());
      const [primary = 'en', ...others] = epub.languages;
      expect(opf).toContain(`<dc:identifier id="book-id">${config.identifier}</dc:identifier>`);
      expect(opf).toContain(`<dc:title id="title" xml:lang="${primary}">${config.title[primary]}</dc:title>`);
      expect(all(opf, /<meta refines="#title" property="alternate-script" xml:lang="([^"]+)">/g)).toEqual(others);
      for (const lang of others) expect(opf).toContain(`xml:lang="${lang}">${config.title[lang]}</meta>`);
      expect(all(opf, /<dc:language>([^<]+)<\/dc:language>/g)).toEqual(epub.languages);
      expect(opf).toContain(`<dc:description>${config.description}</dc:description>`);
      const roles = { author: 'aut', editor: 'edt', translator: 'trl' } as Record<string, string>;
      const credits = [
        ...(await articleCredits(epub.bookDir)),
        ...(config.authors ?? []).map((a) => `creator:${a.name}:${roles[a.role ?? 'author']}`),
        ...(config.translators ?? []).filter((t) => epub.languages.includes(t.language)).map((t) => `contributor:${t.name}:trl`),
      ];
      const found = [...opf.matchAll(/<dc:(creator|contributor) id="([^"]+)">([^<]+)<\/dc:\1>\s*<meta refines="#\2" property="role" scheme="marc:relators">([^<]+)</g)].map((m) => `${m[1]}:${m[3]}:${m[4]}`);
      expect(found).toEqual(credits);
      if (config.publisher) expect(opf).toContain(`<dc:publisher>${config.publisher}</dc:publisher>`);
      if (config.rights) expect(opf).toContain(`<dc:rights>${config.rights}</dc:rights>`);
      expect(all(opf, /<dc:subject>([^<]+)<\/dc:subject>/g)).toEqual(config.subjects ?? []);
      expect(opf).toContain('<dc:date>2026-01-01</dc:date>');
      expect(opf).toContain('<meta property="dcterms:modified">2026-01-01T00:00:00Z</meta>');
    }
  });

  it('states its accessibility: modes, features that hold, no hazard, a summary, EPUB Accessibility 1.1', async () => {
    for (const epub of first) {
      const opf = strFromU8((await epubEntries(epub.file)).get('OEBPS/content.opf') ?? new Uint8Array());
      expect(all(opf, /property="schema:accessMode">([^<]+)</g)).toEqual(['textual', 'visual']);
      expect(all(opf, /property="schema:accessModeSufficient">([^<]+)</g)).toEqual(['textual', 'textual,visual']);
      const features = all(opf, /property="schema:accessibilityFeature">([^<]+)</g);
      expect(features).toEqual(expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'readingOrder', 'alternativeText']));
      // Page numbers only where a print edition gives them: claiming them otherwise would be false.
      const paged = config.editions.find((e) => e.id === epub.id)?.pageBreaksFrom !== undefined;
      expect(features.includes('printPageNumbers') && features.includes('pageBreakMarkers'), epub.id).toBe(paged);
      expect(opf.includes('<meta property="pageBreakSource">'), epub.id).toBe(paged);
      expect(all(opf, /property="schema:accessibilityHazard">([^<]+)</g)).toEqual(['none']);
      expect(opf).toMatch(/property="schema:accessibilitySummary" xml:lang="en">[^<]{100,}</);
      expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>');
    }
  });

  it('manifests exactly the files it holds, the cover image marked cover-image', async () => {
    for (const epub of first) {
      const entries = await epubEntries(epub.file);
      const opf = strFromU8(entries.get('OEBPS/content.opf') ?? new Uint8Array());
      const manifest = all(opf, /<item [^>]*href="([^"]+)"/g).map((href) => `OEBPS/${href}`);
      const held = [...entries.keys()].filter((n) => n !== 'mimetype' && !n.startsWith('META-INF/') && !n.endsWith('.opf'));
      expect(manifest.sort()).toEqual(held.sort());
      expect(opf).toMatch(/<item id="([^"]+)" href="images\/cover\.png" media-type="image\/png" properties="cover-image"\/>/);
      expect([...(entries.get('OEBPS/images/cover.png') ?? []).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }
  });

  it('navigates: a table of contents in the edition languages and landmarks to the cover, the contents and the text', async () => {
    for (const epub of first) {
      const entries = await epubEntries(epub.file);
      const nav = parseXhtml(strFromU8(entries.get('OEBPS/toc.xhtml') ?? new Uint8Array()));
      const [toc, landmarks] = elements(nav, (e) => e.tagName === 'nav');
      expect(toc?.properties.role).toBe('doc-toc');
      const items = elements(toc ?? nav, (e) => e.tagName === 'li');
      const chapters = [...entries.keys()].filter((n) => /\/\d\d-[^/]+\.xhtml$/.test(n));
      expect(items.length).toBe(chapters.length);
      for (const item of items) expect(elements(item, (e) => e.tagName === 'span').map((s) => s.properties.lang)).toEqual(epub.languages);
      const targets = elements(landmarks ?? nav, (e) => e.tagName === 'a').map((a) => `${String(a.properties['epub:type'] ?? a.properties.epubType)} ${String(a.properties.href)}`);
      expect(targets.map((t) => t.split(' ')[0])).toEqual(['cover', 'toc', 'bodymatter']);
      for (const target of targets) expect(entries.has(`OEBPS/${(target.split(' ')[1] ?? '').split('#')[0]}`), target).toBe(true);

      const cover = parseXhtml(strFromU8(entries.get('OEBPS/cover.xhtml') ?? new Uint8Array()));
      const [image] = elements(cover, (e) => e.tagName === 'img');
      expect(image?.properties.role).toBe('doc-cover');
      expect(String(image?.properties.alt)).toContain(config.title[epub.languages[0] ?? 'en'] ?? '');
      expect(elements(cover, (e) => hasClass(e, 'cover')).length).toBe(1);
    }
  });
});

/**
 * What the articles' front matter credits, read here from the files: each author once as a creator
 * (`aut`), each who translated a source into English once as a contributor (`trl`), in chapter order.
 */
async function articleCredits(bookDir: string): Promise<string[]> {
  const dir = path.join(bookDir, 'manuscript');
  const authors: string[] = [];
  const translators: string[] = [];
  const credits: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()) {
    const front = (parseYaml(/^---\n([\s\S]*?)\n---/.exec(await readFile(path.join(dir, name), 'utf8'))?.[1] ?? '') ?? {}) as Record<string, unknown>;
    if (!['chapter', 'appendix', undefined].includes(front.kind as string | undefined)) continue;
    if (typeof front.author === 'string' && !authors.includes(front.author)) {
      authors.push(front.author);
      credits.push(`creator:${front.author}:aut`);
    }
    if (typeof front.source_translator === 'string' && !translators.includes(front.source_translator)) {
      translators.push(front.source_translator);
      credits.push(`contributor:${front.source_translator}:trl`);
    }
  }
  return credits;
}
