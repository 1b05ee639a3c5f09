import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { digitsByLanguage, type PdfEdition } from '../config/schema.js';
import type { AlignedChapter } from '../manuscript/model.js';
import type { RenderContext } from './blocks.js';
import { chapterAnchor, rowAnchor, sectionAnchor } from './chapter-parts.js';
import { blankPage, contentsChapters, contentsPage, frontMatter } from './front-matter.js';
import { hyphenateEnglish } from './hyphenation.js';
import { bindDashes } from './dash-binding.js';
import { renderNumerals } from './numerals.js';
import { UNPAGINATED, type Pagination } from './pagination.js';
import { openingPageName, pageName, runningHeadCss } from './running-heads.js';
import { languageCss, marginBoxCss } from './script-css.js';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';
import { pageCss, pageGeometry } from './page-geometry.js';
import { justifies } from './justification.js';

/** How one chapter is set in a layout whose chapters flow from page to page (columns, interleaved). */
export type ChapterLayout = (chapter: AlignedChapter, context: RenderContext) => Element;

export interface PrintDocumentOptions {
  edition: PdfEdition;
  /** The edition's layout of a chapter, from the layout registry (src/pipeline/layouts.ts). */
  layoutChapter: ChapterLayout;
  context: RenderContext;
  /** Absolute directory of print.css and the other templates. */
  templatesDir: string;
  /** What an earlier pass learnt: contents page numbers and blank versos. None before the first pass. */
  pagination?: Pagination;
}

/** The edition as one document, the layout already chosen: what a layout's registry entry builds. */
export type EditionDocumentOptions = Omit<PrintDocumentOptions, 'layoutChapter'>;
export type EditionDocument = (options: EditionDocumentOptions) => Root;

/** The whole print edition as one hast document: the exact HTML that Chromium prints. */
export function printDocument({ edition, layoutChapter, context, templatesDir, pagination = UNPAGINATED }: PrintDocumentOptions): Root {
  const { book } = context;
  const primary = edition.languages[0] ?? book.sourceLang;
  const chapters = contentsChapters(book.chapters);
  const body: Element[] = frontMatter(edition.languages, context, contentsPage(edition.languages, context, pagination.pages));
  for (const chapter of chapters) {
    if (pagination.blankBefore.has(chapterAnchor(chapter))) body.push(blankPage());
    const element = layoutChapter(chapter, context);
    element.properties.style = `page: ${pageName(chapter)}`;
    nameOpeningPage(element, chapter);
    body.push(element);
  }
  body.push(anchorIndex(chapters));
  return printShell({ edition, context, templatesDir, css: runningHeadCss(book, chapters, edition), lang: primary, body });
}

/**
 * The chapter's opening page gets a page type of its own, without running heads: Chromium applies
 * `@page NAME:first` only to the document's first page, but it names a page after the grid item
 * that starts it without forcing a break (a block would force one), so the opening title block, a
 * grid item in both flow layouts, names the page it opens.
 */
function nameOpeningPage(element: Element, chapter: AlignedChapter): void {
  visit(element, 'element', (node) => {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.includes('chapter-opening')) {
      node.properties.style = `page: ${openingPageName(chapter)}`;
      return EXIT;
    }
    return CONTINUE;
  });
}

export interface PrintShellOptions {
  edition: PdfEdition;
  context: RenderContext;
  templatesDir: string;
  /** Page rules of this document (running heads…), after print.css. */
  css: string;
  /** The document language. */
  lang: string;
  body: Element[];
}

/** html, head (title, print.css, the page geometry), body; English hyphenated. Every print document is one. */
export function printShell({ edition, context, templatesDir, css, lang, body }: PrintShellOptions): Root {
  const title = context.book.config.title;
  const fontTableCss = languageCss(edition.languages, '', 'print');
  const html: Element = h('html', { lang }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('title', title[edition.languages[0] ?? lang] ?? Object.values(title)[0] ?? ''),
      // The font table's rules come first, so that print.css (a house style) overrides any of them.
      ...(fontTableCss ? [h('style', fontTableCss)] : []),
      h('link', { rel: 'stylesheet', href: pathToFileURL(path.join(templatesDir, 'print.css')).href }),
      h('style', `${pageCss(pageGeometry(edition))}\n${css}${marginBoxCss(edition.languages)}`),
    ]),
    h(
      'body',
      {
        className: [`edition-${edition.layout}`, justifies(edition, context.book) ? 'text-justified' : 'text-ragged'],
        // The sink of a chapter opening: a quarter of the text block, from the page geometry.
        style: `--columns: ${edition.languages.length}; --sink: ${(pageGeometry(edition).textArea.heightMm / 4).toFixed(1)}mm; --text-height: ${pageGeometry(edition).textArea.heightMm}mm`,
      },
      body,
    ),
  ]);
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, html] };
  // Titles, the contents and generated lines too: no line of the book starts with a dash.
  bindDashes(root);
  hyphenateEnglish(root);
  renderNumerals(root, digitsByLanguage(context.book.config));
  return root;
}

/**
 * Links, never displayed, to every chapter, section and row: Chromium writes a PDF destination for
 * each linked element, which is how the build learns the page every one of them landed on.
 */
export function anchorIndex(chapters: readonly AlignedChapter[]): Element {
  const anchors = chapters.flatMap((chapter) => [
    chapterAnchor(chapter),
    ...chapter.sections.flatMap((section) => [
      ...(section.id ? [sectionAnchor(chapter, section.id)] : []),
      ...section.rows.map((row, n) => rowAnchor(chapter, section.id, row.position ?? n + 1)),
    ]),
  ]);
  return anchorLinks(anchors);
}

/** The never-displayed links to `anchors` that make Chromium write a destination for each. */
export function anchorLinks(anchors: readonly string[]): Element {
  return h('nav', { className: ['anchor-index'], hidden: true, ariaHidden: 'true' }, anchors.map((anchor) => h('a', { href: `#${anchor}` })));
}
