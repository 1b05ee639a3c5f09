import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { isPdfEdition, resolveEditions, type Edition, type PdfEdition } from '../../src/config/schema.js';
import type { RenderContext } from '../../src/layout/blocks.js';
import { editionContext } from '../../src/layout/edition-view.js';
import type { Book } from '../../src/manuscript/model.js';
import { layoutColumns } from '../../src/layout/columns.js';
import { printDocument } from '../../src/layout/document.js';
import { epubChapters } from '../../src/layout/epub-chapters.js';
import { facingDocument, facingItems, facingMeasureDocument, facingSide, FIRST_SPREAD } from '../../src/layout/facing.js';
import { facingSidePrint } from '../../src/layout/facing-sides.js';
import { facingDocumentParts, serializeMeasureDocument } from '../../src/output/facing-parts.js';
import { serializeDocument } from '../../src/output/html-parts.js';
import { facingSpreadsDocument } from '../../src/layout/facing-spreads.js';
import { layoutInterleaved } from '../../src/layout/interleaved.js';
import { packSpreads } from '../../src/layout/spreads.js';
import { loadBook } from '../../src/manuscript/load.js';
import { TEMPLATES_DIR } from '../../src/paths.js';
import { expectGolden } from '../helpers/golden.js';

/**
 * The HTML every layout hands to Chromium and the XHTML of every EPUB chapter, for the fixture
 * books, compared with goldens (`UPDATE=1 npx vitest run test/unit` rewrites them). No Chromium:
 * the documents are built exactly as before printing, with a fixed date, and the machine's paths
 * (the templates, the book) replaced by placeholders.
 */
const BOOKS = path.resolve(import.meta.dirname, '../fixtures/books');
const GOLDENS = path.resolve(import.meta.dirname, 'goldens');
const DATE = new Date(Date.UTC(2025, 5, 1));

async function contextOf(name: string): Promise<{ contextFor: (edition: Edition) => RenderContext; editions: Edition[]; portable: (html: string) => string }> {
  const bookDir = path.resolve(BOOKS, name);
  const config = await loadConfig(bookDir);
  const book = await loadBook(bookDir, config);
  const portable = (html: string) =>
    html.replaceAll(`file://${TEMPLATES_DIR}`, 'file://TEMPLATES').replaceAll(`file://${bookDir}`, 'file://BOOK').replaceAll(TEMPLATES_DIR, 'TEMPLATES').replaceAll(bookDir, 'BOOK');
  // Each edition sees the book as it shows it (conditional content), as the build does.
  return { contextFor: (edition: Edition) => editionContext(book as Book, edition, DATE), editions: resolveEditions(config), portable };
}

function pdfEdition(editions: readonly Edition[]): PdfEdition {
  const edition = editions.find(isPdfEdition);
  if (!edition) throw new Error('the fixture book has no PDF edition');
  return edition;
}

describe('print documents, per layout', () => {
  // The chapter layouts as src/pipeline/layouts.ts chooses them (imported directly: the registry
  // brings the printing code and Chromium's driver with it, seconds of loading).
  const chapterLayouts = {
    columns: (edition: PdfEdition) => (chapter, context) => layoutColumns(chapter, edition.languages, context),
    interleaved: (edition: PdfEdition) => (chapter, context) => layoutInterleaved(chapter, edition.languages, context),
  } satisfies Record<string, (edition: PdfEdition) => Parameters<typeof printDocument>[0]['layoutChapter']>;
  for (const layout of ['columns', 'interleaved'] as const) {
    it(`${layout}: the mini book's print document`, async () => {
      const { contextFor, editions, portable } = await contextOf('mini');
      const edition: PdfEdition = { ...pdfEdition(editions), layout };
      const context = contextFor(edition);
      const html = portable(toHtml(printDocument({ edition, layoutChapter: chapterLayouts[layout](edition), context, templatesDir: TEMPLATES_DIR })));
      expect(html).toContain(`edition-${layout}`);
      expect(html).not.toMatch(/\/(tmp|home|work|usr)\//);
      await expectGolden(html, path.join(GOLDENS, `mini-${layout}.html`));
    });
  }

  it('facing: the verso and recto documents of the mini book, measuring and packed in spreads', async () => {
    const { contextFor, editions, portable } = await contextOf('mini');
    const edition: PdfEdition = { ...pdfEdition(editions), layout: 'facing', languages: ['en', 'vi'] };
    const context = contextFor(edition);
    await expectGolden(portable(toHtml(facingSpreadsDocument({ edition, context, templatesDir: TEMPLATES_DIR }))), path.join(GOLDENS, 'mini-facing-spreads.html'));
    const items = facingItems(context);
    expect(items.length).toBeGreaterThan(3);
    // Fixed heights stand in for Chromium's measurement: three 100 px items fill a 300 px page.
    const spreads = packSpreads(items.map((i) => ({ id: i.id, verso: 100, recto: 100, keepWithNext: i.keepWithNext })), 300);
    // The one document printed: a verso page box and a recto page box per spread.
    const document = portable(toHtml(facingDocument({ edition, context, templatesDir: TEMPLATES_DIR, items, spreads, pages: new Map(), blankAfterFront: false })));
    expect(document.match(/class="facing-page facing-verso"/g)).toHaveLength(spreads.length);
    expect(document.match(/class="facing-page facing-recto"/g)).toHaveLength(spreads.length);
    await expectGolden(document, path.join(GOLDENS, 'mini-facing-document.html'));
    // What the book is measured from, in the page that then prints it: the book's head, the front
    // matter and an empty first page box, then every chapter's units on each side as a column.
    const measure = portable(toHtml(facingMeasureDocument({ edition, context, templatesDir: TEMPLATES_DIR, items, pages: new Map() })));
    const headOf = (html: string) => html.slice(0, html.indexOf('<body'));
    expect(headOf(measure)).toBe(headOf(document));
    const chapters = new Set(items.map((i) => i.chapter)).size;
    expect(measure.match(/<div class="facing-measure" lang="en"/g)).toHaveLength(chapters);
    expect(measure.match(/<div class="facing-measure" lang="vi"/g)).toHaveLength(chapters);
    expect(measure.indexOf(`id="${FIRST_SPREAD}"`)).toBeLessThan(measure.indexOf('class="facing-measure"'));
    await expectGolden(measure, path.join(GOLDENS, 'mini-facing-measure.html'));
    for (const side of ['verso', 'recto'] as const) {
      const measuring = portable(toHtml(facingSide({ edition, context, templatesDir: TEMPLATES_DIR, side, items })));
      // The side-by-side print kept for units taller than a page.
      const packed = portable(toHtml(facingSidePrint({ edition, context, templatesDir: TEMPLATES_DIR, side, items, spreads, pads: new Map([[0, 1]]) })));
      expect(packed.match(/class="spread"/g)).toHaveLength(spreads.length);
      await expectGolden(measuring, path.join(GOLDENS, `mini-facing-${side}-measure.html`));
      await expectGolden(packed, path.join(GOLDENS, `mini-facing-${side}.html`));
    }
  });

  it('facing: the book document assembled around the units written once is the document rendered whole, for every fixture book and this one', async () => {
    // The repository book's colophon names the embedded faces: its unit is rendered anew once they are known.
    const faces = [{ family: 'Noto Serif', style: 'Regular' }, { family: 'Noto Serif', style: 'Italic' }];
    for (const name of ['mini', 'articles', 'hostile', 'inline', 'numerals', path.resolve(import.meta.dirname, '../..')]) {
      const { contextFor, editions } = await contextOf(name);
      const edition: PdfEdition = { ...pdfEdition(editions), layout: 'facing', languages: ['en', 'vi'] };
      const context = { ...contextFor(edition), fonts: [] };
      const items = facingItems(context);
      const measured = serializeMeasureDocument(facingMeasureDocument({ edition, context, templatesDir: TEMPLATES_DIR, items, pages: new Map() }), context);
      expect(measured.document.html).toBe(toHtml(facingMeasureDocument({ edition, context, templatesDir: TEMPLATES_DIR, items, pages: new Map() })));
      expect(measured.units.size, name).toBe(items.length * 2);
      // Two plans: units of 100 px on 300 px pages and on 500 px ones; contents pages named, a blank page or not; the faces known or not.
      for (const [pageHeight, blankAfterFront, fonts] of [[300, false, []], [500, true, faces]] as const) {
        context.fonts = [...fonts];
        const spreads = packSpreads(items.map((i) => ({ id: i.id, verso: 100, recto: 100, keepWithNext: i.keepWithNext })), pageHeight);
        const pages = new Map(spreads.map((group, n) => [group[0] ?? '', 10 + 2 * n]));
        const options = { edition, context, templatesDir: TEMPLATES_DIR, items, spreads, pages, blankAfterFront };
        const whole = serializeDocument(facingDocument(options));
        expect(facingDocumentParts(options, measured), `${name} ${pageHeight}`).toEqual(whole);
        if (fonts.length > 0 && items.some((i) => i.namesFaces)) expect(whole.html).toContain('Noto Serif (Regular, Italic)');
      }
    }
  });
});

describe('EPUB chapters of the fixture books', () => {
  for (const name of ['mini', 'illustrated', 'hostile']) {
    it(`${name}: every chapter's XHTML`, async () => {
      const { contextFor, editions, portable } = await contextOf(name);
      const epubs = editions.filter((e) => e.format === 'epub');
      expect(epubs.length).toBeGreaterThan(0);
      for (const edition of epubs) {
        const content = epubChapters(edition, contextFor(edition), { khmerWordBreaks: edition.khmerWordBreaks });
        expect(content.chapters.length).toBeGreaterThan(0);
        const text = content.chapters.map((c) => `<!-- ${c.filename} -->\n${c.xhtml}\n`).join('');
        await expectGolden(portable(text), path.join(GOLDENS, `${edition.id}.xhtml`));
      }
    });
  }
});
