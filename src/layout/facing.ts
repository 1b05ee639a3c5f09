import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { PdfEdition } from '../config/schema.js';
import type { AlignedChapter } from '../manuscript/model.js';
import { articleByline } from './article-credits.js';
import { renderBlock, type RenderContext } from './blocks.js';
import { namesFaces } from './directives.js';
import { chapterAnchor, chapterTitle, headingContent, rowAnchor, sectionAnchor } from './chapter-parts.js';
import { anchorLinks, printShell } from './document.js';
import { NOTES_SECTION, notesTitle, renderNote } from './notes.js';
import { blankPage, contentsChapters, contentsPage, frontMatter } from './front-matter.js';
import { openingPageName, pageName, runningHeadCss } from './running-heads.js';
import type { SpreadGroup } from './spreads.js';
import { pageGeometry } from './page-geometry.js';

export type Side = 'verso' | 'recto';

/** The text area of a page of the edition, in mm: what spreads are measured in and packed for. */
export function textArea(edition: PdfEdition): { widthMm: number; heightMm: number } {
  return pageGeometry(edition).textArea;
}

export interface FacingItem {
  id: string;
  chapter: AlignedChapter;
  keepWithNext: boolean;
  /** Its text names the faces the edition embeds (`::edition-fonts`): it reads otherwise once they are known. */
  namesFaces: boolean;
  /** The item's content in one language. */
  render(lang: string): Element;
}

/** Chapter head, section headings and rows of every chapter, in order: what spreads are made of. */
export function facingItems(context: RenderContext): FacingItem[] {
  const { book } = context;
  return contentsChapters(book.chapters).flatMap((chapter) => {
    const items: FacingItem[] = [
      {
        id: chapterAnchor(chapter),
        chapter,
        keepWithNext: true,
        namesFaces: false,
        render: (lang) => h('header', { className: ['chapter-head'] }, [h('h1', chapterTitle(chapter, lang, book.sourceLang)), articleByline(chapter, lang, book.sourceLang)]),
      },
    ];
    for (const section of chapter.sections) {
      if (section.id !== '') {
        items.push({ id: sectionAnchor(chapter, section.id), chapter, keepWithNext: true, namesFaces: false, render: (lang) => h('h2', headingContent(section.headings[lang], chapter.documents[lang])) });
      }
      section.rows.forEach((row, n) => {
        items.push({ id: rowAnchor(chapter, section.id, row.position ?? n + 1), chapter, keepWithNext: false, namesFaces: Object.values(row.cells).some((cell) => cell !== undefined && namesFaces(cell.node)), render: (lang) => h('div', renderBlock(row.cells[lang], chapter.documents[lang], lang, context)) });
      });
    }
    if (chapter.notes.length > 0) {
      items.push({ id: rowAnchor(chapter, NOTES_SECTION, 0), chapter, keepWithNext: true, namesFaces: false, render: (lang) => h('h2', { className: ['notes-title'] }, notesTitle(lang)) });
      for (const note of chapter.notes) {
        items.push({ id: rowAnchor(chapter, NOTES_SECTION, note.number), chapter, keepWithNext: false, namesFaces: false, render: (lang) => h('div', [renderNote(chapter, note, lang)]) });
      }
    }
    return items;
  });
}

export interface FacingSideOptions {
  edition: PdfEdition;
  context: RenderContext;
  templatesDir: string;
  side: Side;
  items: readonly FacingItem[];
}

/** One side of a facing edition as one long column of the text width: what the side-by-side print (src/layout/facing-sides.ts) measures its spreads from. */
export function facingSide({ edition, context, templatesDir, side, items }: FacingSideOptions): Root {
  const lang = sideLanguage(edition, side, context);
  const body = [measureColumn(edition, lang, items.map((i) => facingElement(i, lang, i.id)))];
  // The document's language is the edition's first, as in the printed book, so that the side's
  // text is sized exactly as it will be printed (print.css enlarges Khmer where it begins).
  return printShell({ edition, context, templatesDir, css: '', lang: edition.languages[0] ?? lang, body });
}

export function sideLanguage(edition: PdfEdition, side: Side, context: RenderContext): string {
  return (side === 'verso' ? edition.languages[0] : edition.languages[1]) ?? context.book.sourceLang;
}

/** Units of one language as one long column of the text width: what they are measured in. */
function measureColumn(edition: PdfEdition, lang: string, units: Element[]): Element {
  return h('div', { className: ['facing-measure'], lang, style: `width: ${textArea(edition).widthMm}mm` }, units);
}

function facingElement(item: FacingItem, lang: string, id: string): Element {
  const element = item.render(lang);
  element.properties = { ...element.properties, id, lang, className: ['facing-item', ...classNames(element)] };
  return element;
}

export function classNames(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

export interface FacingDocumentOptions {
  edition: PdfEdition;
  context: RenderContext;
  templatesDir: string;
  items: readonly FacingItem[];
  spreads: readonly SpreadGroup[];
  /** Where each chapter opened in the previous pass, for the contents page. */
  pages: ReadonlyMap<string, number>;
  /** A blank page after the front matter, so that the first spread opens on a verso (an even page). */
  blankAfterFront: boolean;
}

/**
 * The whole facing edition as one document: the front matter, then for every spread its verso page
 * (the first language) and its recto page (the second), each a page box of its own, so that
 * Chromium prints one tagged PDF whose pages alternate verso, recto. Page 1 is a right page, so every
 * verso is a left page and print.css gives both their mirrored margins, running heads and folios.
 */
export function facingDocument(options: FacingDocumentOptions): Root {
  const boxes = spreadPageBoxes(options).map(({ section, units, end }) => ({ ...section, children: [...units.map((u) => facingElement(u.item, u.lang, u.id)), end] }));
  return facingFrame(options, boxes);
}

/** Units alone in the book's shell, as the book renders them: for rendering a few of them anew. */
export function facingUnitsDocument(options: FacingPlanOptions, units: PageBox['units']): Root {
  return facingShell(options, units.map((u) => facingElement(u.item, u.lang, u.id)));
}

/** A page box of a spread, empty: its section and its end mark, and the units it holds (by their id on its side) in order. */
export interface PageBox {
  section: Element;
  end: Element;
  units: { item: FacingItem; id: string; lang: string }[];
}

/** Every spread's verso page box then its recto page box. */
export function spreadPageBoxes({ edition, context, items, spreads }: FacingDocumentOptions): PageBox[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return spreads.flatMap((group, n) => {
    const chapter = byId.get(group[0] ?? '')?.chapter;
    // The spread that opens a chapter has a page type of its own, without running heads.
    const opening = chapter !== undefined && group.includes(chapterAnchor(chapter));
    const pageType = chapter ? (opening ? openingPageName(chapter) : pageName(chapter)) : undefined;
    return SIDES.map((side): PageBox => {
      const lang = sideLanguage(edition, side, context);
      const start = pageBoxAnchor(n, side);
      return {
        section: h('section', { className: ['facing-page', `facing-${side}`], id: start, lang, style: pageType ? `page: ${pageType}` : undefined }),
        end: h('div', { className: ['page-box-end'], id: `${start}-end` }),
        units: group.flatMap((id) => {
          const item = byId.get(id);
          return item ? [{ item, id: sideId(id, side), lang }] : [];
        }),
      };
    });
  });
}

/**
 * The facing document around its spreads: the front matter (and the blank page after it), `boxes`
 * where the spreads' page boxes go, then the anchor index of every page box and unit.
 */
export function facingFrame(options: FacingDocumentOptions, boxes: Element[]): Root {
  const { items, spreads, blankAfterFront } = options;
  const body = facingFrontMatter(options);
  if (blankAfterFront) body.push(blankPage());
  body.push(...boxes);
  const anchors = [...spreads.flatMap((_, n) => SIDES.flatMap((side) => [pageBoxAnchor(n, side), `${pageBoxAnchor(n, side)}-end`])), ...items.map((i) => i.id)];
  body.push(anchorLinks(anchors));
  return facingShell(options, body);
}

/**
 * The facing edition before its spreads are known: the front matter and an empty page box where
 * the first spread would open (FIRST_SPREAD), then for every chapter its verso-language units and
 * its recto-language units, each as one long column of the text width, with the ids, languages and
 * classes they will have in the book. What the spreads are measured from, in the page that then
 * prints them: the head is the book's own (facingDocument's), so that the page becomes the book by
 * replacing body children (src/output/page-patch.ts), and each chapter starts a child of its own,
 * so that a long book is measured in parts cut before chapters, as it is printed.
 */
export function facingMeasureDocument(options: FacingPlanOptions): Root {
  const { edition, context, items } = options;
  // Where the spreads would start: laid out in pages, the mark tells the page the first spread opens on.
  const body = [...facingFrontMatter(options), firstSpreadMark(items)];
  for (const chapter of facingChapters(items)) {
    const own = items.filter((i) => i.chapter === chapter);
    for (const side of SIDES) {
      const lang = sideLanguage(edition, side, context);
      body.push(measureColumn(edition, lang, own.map((i) => facingElement(i, lang, sideId(i.id, side)))));
    }
  }
  body.push(anchorLinks(items.map((i) => i.id)));
  return facingShell(options, body);
}

/** What a document of the facing edition is made from before its spreads are known. */
export type FacingPlanOptions = Omit<FacingDocumentOptions, 'spreads' | 'blankAfterFront'>;

function facingFrontMatter({ edition, context, pages }: FacingPlanOptions): Element[] {
  return frontMatter(edition.languages, context, contentsPage(edition.languages, context, pages));
}

function facingChapters(items: readonly FacingItem[]): AlignedChapter[] {
  return [...new Set(items.map((i) => i.chapter))];
}

/** Every document of a facing edition has the book's head: the page that measured it can become the book. */
function facingShell({ edition, context, templatesDir, items }: FacingPlanOptions, body: Element[]): Root {
  const { book } = context;
  const primary = edition.languages[0] ?? book.sourceLang;
  return printShell({ edition, context, templatesDir, css: runningHeadCss(book, facingChapters(items), edition), lang: primary, body });
}

/** Where the spreads would start after the front matter: an empty verso page box of the first chapter's opening. */
export const FIRST_SPREAD = 'pp-first-spread';

/** The empty page box that stands for the first spread after the front matter (pp-first-spread). */
function firstSpreadMark(items: readonly FacingItem[]): Element {
  const chapter = items[0]?.chapter;
  return h('section', { className: ['facing-page', 'facing-verso'], id: FIRST_SPREAD, style: chapter ? `page: ${openingPageName(chapter)}` : undefined });
}

/** A unit's id on one side of the book: the verso carries the anchors the contents and the pagination read; recto ids are their twins. */
export function sideId(id: string, side: Side): string {
  return side === 'verso' ? id : `${id}--recto`;
}

const SIDES: readonly Side[] = ['verso', 'recto'];

/** The anchor of spread n's page on one side; `-end` marks where its content stops. */
export function pageBoxAnchor(n: number, side: Side): string {
  return `spread-${n + 1}-${side}`;
}
