import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { AlignedChapter } from '../manuscript/model.js';
import { renderBlock, type RenderContext } from './blocks.js';
import { chapterAnchor, chapterTitle } from './chapter-parts.js';
import { phrases } from './i18n.js';
import { editionPhrases } from './edition-phrases.js';

/**
 * The pages before the first chapter: half-title (a recto), its blank verso, the title page (a
 * recto), the title verso with the imprint, and the contents (a recto). Each opens a page of its own
 * (the blank versos are part of the front matter, not left to `break-before: right`, which Chromium
 * ignores); every block is centred.
 */
export function frontMatter(languages: readonly string[], context: RenderContext, contents: Element): Element[] {
  return [halfTitle(languages, context), blankPage(), titlePage(languages, context), imprint(languages, context), contents];
}

/** An empty page of its own: the `blank` page type has no running head and no folio. */
export function blankPage(): Element {
  return h('div', { className: ['blank-page'], ariaHidden: 'true' });
}

function halfTitle(languages: readonly string[], { book }: RenderContext): Element {
  return h(
    'section',
    { className: ['front', 'half-title'] },
    languages.map((lang) => h('p', { lang, className: ['half-title-line'] }, book.config.title[lang] ?? '')),
  );
}

/**
 * The title page: in every language the title (book.yaml) and the words of the manuscript's
 * `kind: title` chapter under it. That chapter is the one source of what the title page says under
 * the title: book.yaml's `subtitle` is printed only by a book without one (it stays the EPUB's and
 * the PDF's metadata either way), so a subtitle is never printed twice.
 */
function titlePage(languages: readonly string[], context: RenderContext): Element {
  const { book } = context;
  const titleChapter = titleChapterOf(context);
  const blocks = (lang: string): ElementContent[] =>
    (titleChapter?.sections ?? []).flatMap((section) => section.rows.flatMap((row) => renderBlock(row.cells[lang], titleChapter?.documents[lang], lang, context)));
  return h('section', { className: ['front', 'title-page'] }, [
    ...languages.map((lang) =>
      h('div', { lang, className: ['title-block'] }, [
        h('h1', { className: ['book-title'] }, book.config.title[lang] ?? ''),
        !titleChapter && book.config.subtitle?.[lang] ? h('p', { className: ['book-subtitle'] }, book.config.subtitle[lang]) : null,
        ...blocks(lang),
      ]),
    ),
    // The publisher is named once, on the title verso.
    h('div', { className: ['title-credits'] }, book.config.authors.filter((a) => a.role === 'author').map((a) => h('p', { className: ['author'] }, a.name))),
  ]);
}

function titleChapterOf({ book }: RenderContext): AlignedChapter | undefined {
  return book.chapters.find((c) => c.kind === 'title');
}

/**
 * The title verso: the imprint, set small at the foot of the page. The rights, the edition
 * statement in the edition's languages (unless the title page already gives it), the publisher,
 * the ISBN when book.yaml has one (the edition's, or the book's), and the sources of the articles
 * (unless a chapter, the colophon, lists them with `::sources`): each thing said once in the book.
 */
function imprint(languages: readonly string[], context: RenderContext): Element {
  const { book, edition } = context;
  const has = (chapters: readonly AlignedChapter[], name: string) => chapters.some((c) => usesDirective(c, book.sourceLang, name));
  const titleChapter = titleChapterOf(context);
  const isbn = (edition.format === 'pdf' ? edition.isbn : undefined) ?? book.config.isbn;
  const lines: ElementContent[] = [];
  if (book.config.rights) lines.push(h('p', { className: ['rights'] }, book.config.rights));
  if (!has(titleChapter ? [titleChapter] : [], 'edition-statement')) {
    for (const lang of languages) lines.push(h('p', { lang, className: ['edition-statement'] }, editionPhrases(lang).editionStatement(edition.languages)));
  }
  if (book.config.publisher) lines.push(h('p', { className: ['publisher'] }, book.config.publisher));
  if (isbn) lines.push(h('p', { className: ['isbn'] }, `ISBN ${isbn}`));
  const source = book.chapters.find((c) => c.documents[book.sourceLang]);
  const sourceDoc = source?.documents[book.sourceLang];
  if (sourceDoc && !has(book.chapters, 'sources')) {
    lines.push(...renderBlock({ node: { type: 'leafDirective', name: 'sources', attributes: {}, children: [] }, untranslated: false }, sourceDoc, book.sourceLang, context));
  }
  return h('section', { className: ['front', 'imprint'], lang: book.sourceLang }, [h('div', { className: ['imprint-text'] }, lines)]);
}

/** Whether a chapter's source holds a leaf directive `::name`. */
function usesDirective(chapter: AlignedChapter, lang: string, name: string): boolean {
  return chapter.sections.some((section) => section.rows.some((row) => {
    const node = row.cells[lang]?.node;
    return node?.type === 'leafDirective' && node.name === name;
  }));
}

/** What the contents page lists: every chapter but the title page, which the front matter already is. */
export function contentsChapters(chapters: readonly AlignedChapter[]): AlignedChapter[] {
  return chapters.filter((c) => c.kind !== 'title');
}

/**
 * The contents page. `pages` gives where each chapter's anchor landed in the previous pass; before
 * any pass it is empty and every entry shows a placeholder as wide as a three-digit number, so the
 * contents take the same room once the real numbers are known.
 */
export function contentsPage(languages: readonly string[], context: RenderContext, pages: ReadonlyMap<string, number>): Element {
  const { book } = context;
  const entries = contentsChapters(book.chapters).map((chapter) => {
    const anchor = chapterAnchor(chapter);
    const page = pages.get(anchor);
    return h('li', { className: ['toc-entry'] }, [
      h('a', { href: `#${anchor}` }, [
        h(
          'span',
          { className: ['toc-titles'] },
          languages.map((lang) => h('span', { lang, className: ['toc-title'] }, chapterTitle(chapter, lang, book.sourceLang))),
        ),
        h('span', { className: ['toc-leader'], ariaHidden: 'true' }),
        h('span', { className: ['toc-page'] }, page === undefined ? '000' : String(page)),
      ]),
    ]);
  });
  return h('nav', { className: ['front', 'contents'], role: 'doc-toc', id: 'contents' }, [
    h('h1', { className: ['contents-title'] }, joinLanguages(languages.map((lang) => ({ lang, text: phrases(lang).contents })))),
    h('ol', { className: ['toc'] }, entries),
  ]);
}

/** "Contents · Mục lục · មាតិកា", each part in its own language. */
export function joinLanguages(parts: readonly { lang: string; text: string }[]): ElementContent[] {
  return parts.flatMap((part, index) => [
    ...(index > 0 ? [{ type: 'text' as const, value: ' · ' }] : []),
    h('span', { lang: part.lang }, part.text),
  ]);
}
