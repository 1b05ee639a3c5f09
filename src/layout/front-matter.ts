import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { AlignedChapter } from '../manuscript/model.js';
import { renderBlock, type RenderContext } from './blocks.js';
import { chapterAnchor, chapterTitle } from './chapter-parts.js';
import { phrases } from './i18n.js';

/**
 * The pages before the first chapter: half-title, title page and contents, each opening a recto
 * (the blank versos between them are part of the front matter, not left to `break-before: right`,
 * which Chromium ignores).
 */
export function frontMatter(languages: readonly string[], context: RenderContext, contents: Element): Element[] {
  return [halfTitle(languages, context), blankPage(), titlePage(languages, context), blankPage(), contents];
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

/** Title and subtitle in every language, with the words of the manuscript's `kind: title` file, then the credits. */
function titlePage(languages: readonly string[], context: RenderContext): Element {
  const { book } = context;
  const titleChapter = book.chapters.find((c) => c.kind === 'title');
  const blocks = (lang: string): ElementContent[] =>
    (titleChapter?.sections ?? []).flatMap((section) => section.rows.flatMap((row) => renderBlock(row.cells[lang], titleChapter?.documents[lang], lang, context)));
  return h('section', { className: ['front', 'title-page'] }, [
    ...languages.map((lang) =>
      h('div', { lang, className: ['title-block'] }, [
        h('h1', { className: ['book-title'] }, book.config.title[lang] ?? ''),
        book.config.subtitle?.[lang] ? h('p', { className: ['book-subtitle'] }, book.config.subtitle[lang]) : null,
        ...blocks(lang),
      ]),
    ),
    h('div', { className: ['title-credits'] }, [
      ...book.config.authors.filter((a) => a.role === 'author').map((a) => h('p', { className: ['author'] }, a.name)),
      book.config.publisher ? h('p', { className: ['publisher'] }, book.config.publisher) : null,
    ]),
  ]);
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
