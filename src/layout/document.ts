import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { PdfEdition } from '../config/schema.js';
import type { AlignedChapter } from '../manuscript/model.js';
import type { RenderContext } from './blocks.js';
import { chapterAnchor, rowAnchor, sectionAnchor } from './chapter-parts.js';
import { blankPage, contentsChapters, contentsPage, frontMatter } from './front-matter.js';
import { hyphenateEnglish } from './hyphenation.js';
import { UNPAGINATED, type Pagination } from './pagination.js';
import { pageName, runningHeadCss } from './running-heads.js';
import { pageCss, pageGeometry } from './page-geometry.js';

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
  /**
   * Only these chapters, with or without the front matter: a measuring pass prints the book in
   * parts side by side, since a chapter's length does not depend on where it starts.
   */
  part?: { chapters: readonly AlignedChapter[]; frontMatter: boolean };
}

/** The edition as one document, the layout already chosen: what a layout's registry entry builds. */
export type EditionDocumentOptions = Omit<PrintDocumentOptions, 'layoutChapter'>;
export type EditionDocument = (options: EditionDocumentOptions) => Root;

/** The whole print edition as one hast document: the exact HTML that Chromium prints. */
export function printDocument({ edition, layoutChapter, context, templatesDir, pagination = UNPAGINATED, part }: PrintDocumentOptions): Root {
  const { book } = context;
  const primary = edition.languages[0] ?? book.sourceLang;
  const chapters = part?.chapters ?? contentsChapters(book.chapters);
  const body: Element[] = part?.frontMatter === false ? [] : frontMatter(edition.languages, context, contentsPage(edition.languages, context, pagination.pages));
  for (const chapter of chapters) {
    if (pagination.blankBefore.has(chapterAnchor(chapter))) body.push(blankPage());
    const element = layoutChapter(chapter, context);
    element.properties.style = `page: ${pageName(chapter)}`;
    body.push(element);
  }
  body.push(anchorIndex(chapters));
  return printShell({ edition, context, templatesDir, css: runningHeadCss(book, chapters, edition.languages), lang: primary, body });
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
  const html: Element = h('html', { lang }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('title', title[edition.languages[0] ?? lang] ?? Object.values(title)[0] ?? ''),
      h('link', { rel: 'stylesheet', href: pathToFileURL(path.join(templatesDir, 'print.css')).href }),
      h('style', `${pageCss(pageGeometry(edition))}\n${css}`),
    ]),
    h('body', { className: [`edition-${edition.layout}`], style: `--columns: ${edition.languages.length}` }, body),
  ]);
  const root: Root = { type: 'root', children: [{ type: 'doctype' }, html] };
  hyphenateEnglish(root);
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
  return h('nav', { className: ['anchor-index'], hidden: true, ariaHidden: 'true' }, anchors.map((anchor) => h('a', { href: `#${anchor}` })));
}
