import type { Element } from 'hast';
import { h } from 'hastscript';
import type { AlignedChapter } from '../manuscript/model.js';
import { articleByline } from './article-credits.js';
import { renderBlock, type RenderContext } from './blocks.js';
import { chapterAnchor, chapterTitle, headingContent, rowAnchor, sectionAnchor } from './chapter-parts.js';
import { NOTES_SECTION, notesTitle, renderNote } from './notes.js';

/**
 * Interleaved layout: each source block followed by its translations, every block carrying its
 * language. This is the reading order of the EPUB, where columns cannot be relied on.
 */
export function layoutInterleaved(chapter: AlignedChapter, languages: readonly string[], context: RenderContext): Element {
  const { book } = context;
  const children: Element[] = [];
  children.push(
    h(
      'header',
      { className: ['chapter-head', 'chapter-opening'] },
      // One title block per language, its title over its credits.
      languages.map((lang, index) => {
        const byline = articleByline(chapter, lang, book.sourceLang);
        return h('div', { className: ['title-block', index === 0 ? 'primary' : 'secondary'], lang }, [
          // The title keeps its language and rank (the EPUB styles h1.secondary) inside its block.
          h('h1', { lang, className: [index === 0 ? 'primary' : 'secondary'], ...(index === 0 ? { id: chapterAnchor(chapter) } : {}) }, chapterTitle(chapter, lang, book.sourceLang)),
          byline,
        ]);
      }),
    ),
  );
  for (const section of chapter.sections) {
    if (section.id !== '') {
      children.push(
        h(
          'div',
          { className: ['section-head'], id: sectionAnchor(chapter, section.id) },
          languages.map((lang, index) => h('h2', { lang, className: [index === 0 ? 'primary' : 'secondary'] }, headingContent(section.headings[lang], chapter.documents[lang]))),
        ),
      );
    }
    section.rows.forEach((row, n) => {
      children.push(
        h(
          'div',
          { className: ['row', ...(row.unit ? [`unit-${row.unit.kind}`] : [])], id: rowAnchor(chapter, section.id, row.position ?? n + 1) },
          languages.map((lang, index) =>
            h('div', { className: ['block', index === 0 ? 'primary' : 'secondary'], lang, dataLabel: lang.toUpperCase() }, renderBlock(row.cells[lang], chapter.documents[lang], lang, context)),
          ),
        ),
      );
    });
  }
  if (chapter.notes.length > 0) {
    children.push(h('div', { className: ['section-head', 'notes-head'], id: rowAnchor(chapter, NOTES_SECTION, 0) }, languages.map((lang, index) => h('h2', { lang, className: [index === 0 ? 'primary' : 'secondary'] }, notesTitle(lang)))));
    for (const note of chapter.notes) {
      children.push(
        h('div', { className: ['row', 'notes-row'], id: rowAnchor(chapter, NOTES_SECTION, note.number) },
          languages.map((lang, index) => h('div', { className: ['block', index === 0 ? 'primary' : 'secondary'], lang, dataLabel: lang.toUpperCase() }, [renderNote(chapter, note, lang)])),
        ),
      );
    }
  }
  return h('section', { className: ['chapter', `kind-${chapter.kind}`, 'layout-interleaved'], dataChapter: chapter.name }, children);
}

/**
 * The interleaved chapter as print sets it: a one-column grid of two items, the opening title block
 * and one block holding every row. The grid lets the opening name its page (without running heads)
 * and the rows' item give the chapter's own page name back without forcing a break
 * (src/layout/document.ts); the rows flow as blocks inside their item because Chromium 156 fragments a
 * grid of many items non-deterministically: the same HTML printed 749 to 753 pages at 1,000 pages,
 * where block flow printed 757 every time.
 */
export function rowsInOneGridItem(chapter: Element): Element {
  const [opening, ...rows] = chapter.children;
  if (opening?.type !== 'element') return chapter;
  return { ...chapter, children: [opening, h('div', { className: ['interleaved-rows'] }, rows)] };
}
