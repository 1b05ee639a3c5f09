import { toHtml } from 'hast-util-to-html';
import { PDFDocument } from 'pdf-lib';
import { chapterAnchor, chapterTitle } from '../layout/chapter-parts.js';
import { printShell } from '../layout/document.js';
import { facingItems, facingSide, textArea, type Side } from '../layout/facing.js';
import { facingSidePrint, spreadAnchor } from '../layout/facing-sides.js';
import { contentsChapters, contentsPage, frontMatter } from '../layout/front-matter.js';
import type { SpreadGroup } from '../layout/spreads.js';
import { writeOutput } from '../fs/atomic.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { applyPdfMetadata, PDF_LOAD, PDF_SAVE } from '../output/pdf-metadata.js';
import { assembleSpreads } from '../output/pdf-spreads.js';
import { measureHeights } from '../output/measure.js';
import { printHtml } from '../output/pdf.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import { hasFaces, type EmbeddedFace } from '../layout/edition-fonts.js';
import type { RenderContext } from '../layout/blocks.js';
import { pdfMetadata } from './pdf-metadata.js';
import { FILL, packChapters, SIDES } from './facing-plan.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';
import { unsettledPrint } from './unsettled.js';

const MAX_PASSES = 4;

/**
 * A facing edition with a unit taller than a page (see src/layout/facing-sides.ts): the blocks of every spread are packed from their heights measured in Chromium,
 * each side is printed alone (a spread's blocks start a page on both sides), a spread that runs
 * longer on one side gets blank pages on the other, and the sides are interleaved after the front
 * matter, whose contents name the verso each chapter opens on.
 */
export async function printFacingSides(options: PrintEditionOptions): Promise<PrintedEdition> {
  const { edition } = options;
  // The colophon names the faces the book embeds, learnt from the sides' own prints below: one
  // context whose faces change, since the items render through the context they were made with.
  const context: RenderContext = { ...options.context, fonts: options.context.fonts ?? [] };
  let faces: readonly EmbeddedFace[] = context.fonts ?? [];
  const timings = { layout: 0, predict: 0, print: [] as number[], postProcess: 0 };
  const items = facingItems(context);
  const render = (side: Side, spreads?: readonly SpreadGroup[], pads?: ReadonlyMap<number, number>) => {
    const started = performance.now();
    const html = toHtml(spreads ? facingSidePrint({ edition, context, templatesDir: options.templatesDir, side, items, spreads, ...(pads ? { pads } : {}) }) : facingSide({ edition, context, templatesDir: options.templatesDir, side, items }));
    timings.layout += performance.now() - started;
    return html;
  };
  const print = async (html: string, name: string) => {
    const started = performance.now();
    const printed = await printHtml({ ...options, html, editionId: name, final: false });
    timings.print.push(performance.now() - started);
    printed.blocked.forEach((url) => blocked.add(url));
    return PDFDocument.load(printed.pdf, PDF_LOAD);
  };
  const blocked = new Set<string>();

  const [verso, recto] = await Promise.all(SIDES.map((side) =>
      measureHeights({ ...options, html: render(side), name: `${edition.id}-${side}`, ids: items.map((i) => i.id) }),
    ));
  const spreads = packChapters(items, verso ?? new Map(), recto ?? new Map(), (textArea(edition).heightMm * 96 * FILL) / 25.4);

  const pads: Record<Side, Map<number, number>> = { verso: new Map(), recto: new Map() };
  let sides: Record<Side, PDFDocument> | undefined;
  let sideHtml = '';
  for (let pass = 1; pass <= MAX_PASSES && !sides; pass++) {
    const printed = { verso: await print((sideHtml = render('verso', spreads, pads.verso)), `${edition.id}-verso`), recto: await print(render('recto', spreads, pads.recto), `${edition.id}-recto`) };
    const lengths = { verso: spreadLengths(printed.verso, spreads.length), recto: spreadLengths(printed.recto, spreads.length) };
    const uneven = spreads.map((_, n) => (lengths.verso[n] ?? 0) - (lengths.recto[n] ?? 0));
    const found = [...pdfFaces(printed.verso), ...pdfFaces(printed.recto)];
    if (!hasFaces(faces, found)) {
      faces = [...faces, ...found]; // print the sides again, naming them all
      context.fonts = faces;
      continue;
    }
    if (uneven.every((d) => d === 0)) sides = printed;
    uneven.forEach((d, n) => {
      const shorter = d > 0 ? pads.recto : pads.verso;
      if (d !== 0) shorter.set(n, (shorter.get(n) ?? 0) + Math.abs(d));
    });
  }
  if (!sides) throw new Error(`The spreads of edition ${edition.id} did not even out after ${MAX_PASSES} passes`);

  const versoPages = anchorPages(sides.verso);
  let pages = new Map<string, number>();
  let front: PDFDocument | undefined;
  for (let pass = 1; pass <= MAX_PASSES && !front; pass++) {
    const html = toHtml(printShell({ edition, context, templatesDir: options.templatesDir, css: '', lang: edition.languages[0] ?? 'en', body: frontMatter(edition.languages, context, contentsPage(edition.languages, context, pages)) }));
    const printed = await print(html, `${edition.id}-front`);
    // Spreads open on an even page: the assembly adds a blank page to an even front matter.
    const frontLength = printed.getPageCount() + (printed.getPageCount() % 2 === 0 ? 1 : 0);
    const next = new Map([...versoPages].map(([id, page]) => [id, frontLength + 2 * page - 1]));
    if (pass > 1 && contentsChapters(context.book.chapters).every((c) => next.get(chapterAnchor(c)) === pages.get(chapterAnchor(c)))) front = printed;
    pages = next;
  }
  if (!front) throw unsettledPrint(edition.id, 'the contents', MAX_PASSES);

  const started = performance.now();
  const primary = edition.languages[0] ?? context.book.sourceLang;
  const chapters = contentsChapters(context.book.chapters);
  const book = await assembleSpreads({
    front,
    verso: sides.verso,
    recto: sides.recto,
    bookmarks: chapters.map((c) => ({ title: chapterTitle(c, primary, context.book.sourceLang), page: pages.get(chapterAnchor(c)) ?? 1 })),
    // The front matter prints its own folios (the contents page has one); the spreads get theirs here.
    firstFolio: front.getPageCount() + (front.getPageCount() % 2 === 0 ? 1 : 0) + 1,
  });
  applyPdfMetadata(book, pdfMetadata(context.book, edition, context.date));
  const pdf = await book.save(PDF_SAVE);
  await writeOutput(options.outPath, pdf);
  timings.postProcess += performance.now() - started;
  return { pdf, bytes: pdf.byteLength, pages: book.getPageCount(), blocked: [...blocked], pagination: { pages, blankBefore: new Set(), faces }, html: sideHtml, timings, mispredictions: 0 };
}


/** How many pages each spread took on one side, from where the spreads' anchors landed. */
function spreadLengths(side: PDFDocument, count: number): number[] {
  const pages = anchorPages(side);
  const starts = Array.from({ length: count }, (_, n) => pages.get(spreadAnchor(n)) ?? 0);
  return starts.map((start, n) => (starts[n + 1] ?? side.getPageCount() + 1) - start);
}
