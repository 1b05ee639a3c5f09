import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFPage, type PDFRef } from 'pdf-lib';

export interface SpreadsInput {
  /** Half-title, title page and contents; an odd number of pages, so the first spread opens on a verso. */
  front: PDFDocument;
  /** Every verso, in order, and every recto: page n of each makes spread n. */
  verso: PDFDocument;
  recto: PDFDocument;
  /** Bookmarks: a title and the page (from 1, in the assembled book) it points at. */
  bookmarks: { title: string; page: number }[];
  /** Pages from this one on carry a folio. */
  firstFolio: number;
}

/** The book's folio face, found through fontconfig like every other font of the print. */
const FOLIO_FONT = 'Noto Serif';
const FOLIO_SIZE = 8;
const MM = 72 / 25.4;

/**
 * Interleaves the two sides of a facing edition into one book: verso n on an even page, recto n
 * beside it. Folios are drawn here, because each side was printed alone and counts its own pages.
 */
export async function assembleSpreads(input: SpreadsInput): Promise<PDFDocument> {
  if (input.verso.getPageCount() !== input.recto.getPageCount()) {
    throw new Error(`facing sides differ in length: ${input.verso.getPageCount()} versos, ${input.recto.getPageCount()} rectos`);
  }
  const book = await PDFDocument.create({ updateMetadata: false });
  for (const page of await book.copyPages(input.front, input.front.getPageIndices())) book.addPage(page);
  // An even front matter gets a blank page, so that every verso lands on an even page.
  if (book.getPageCount() % 2 === 0) book.addPage([versoSize(input).width, versoSize(input).height]);
  const versos = await book.copyPages(input.verso, input.verso.getPageIndices());
  const rectos = await book.copyPages(input.recto, input.recto.getPageIndices());
  versos.forEach((verso, i) => {
    book.addPage(verso);
    book.addPage(rectos[i] as PDFPage);
  });
  book.registerFontkit(fontkit);
  // A fixed subset name: pdf-lib would otherwise add a random suffix and no two builds would match. It is
  // Noto Serif Regular, and says so: the colophon lists the faces by these names.
  const font = await book.embedFont(await readFile(fontFile(FOLIO_FONT)), { subset: true, customName: 'NotoSerif-Regular' });
  book.getPages().forEach((page, index) => {
    const number = index + 1;
    if (number < input.firstFolio) return;
    const text = String(number);
    const width = font.widthOfTextAtSize(text, FOLIO_SIZE);
    const x = number % 2 === 0 ? 13 * MM : page.getWidth() - 13 * MM - width;
    page.drawText(text, { x, y: 9 * MM, size: FOLIO_SIZE, font });
  });
  addBookmarks(book, input.bookmarks);
  return book;
}

function versoSize(input: SpreadsInput): { width: number; height: number } {
  return input.verso.getPage(0).getSize();
}

function fontFile(family: string): string {
  return execFileSync('fc-match', ['-f', '%{file}', family], { encoding: 'utf8' });
}

/** A flat outline: one entry per chapter, each pointing at the top of its first page. */
function addBookmarks(book: PDFDocument, bookmarks: readonly { title: string; page: number }[]): void {
  if (bookmarks.length === 0) return;
  const context = book.context;
  const outlinesRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((mark, i) => {
    const page = book.getPage(Math.min(mark.page, book.getPageCount()) - 1);
    const entry = context.obj({
      // Titles in any script: a UTF-16 text string.
      Title: PDFHexString.fromText(mark.title),
      Parent: outlinesRef,
      Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(page.getHeight()), PDFNull],
    });
    if (i > 0) entry.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < refs.length - 1) entry.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    context.assign(refs[i] as PDFRef, entry);
  });
  context.assign(outlinesRef, context.obj({ Type: 'Outlines', First: refs[0] as PDFRef, Last: refs.at(-1) as PDFRef, Count: refs.length }));
  book.catalog.set(PDFName.of('Outlines'), outlinesRef);
  book.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

