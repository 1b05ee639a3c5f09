import type { Element } from 'hast';
import { h } from 'hastscript';
import type { AlignedChapter } from '../manuscript/model.js';
import { articleByline } from './article-credits.js';
import { renderBlock, type RenderContext } from './blocks.js';
import { chapterAnchor, chapterTitle, headingContent, rowAnchor, sectionAnchor } from './chapter-parts.js';
import { NOTES_SECTION, notesTitle, renderNote } from './notes.js';
import { defaultColumnWidths } from './column-widths.js';

/**
 * Side-by-side layout: one CSS grid per chapter, one column per language, one grid row per
 * aligned unit (a block, a list item, a table row, a note). Chromium fragments a grid row across pages in all its columns together,
 * so row n of every language starts on the same line.
 */
export function layoutColumns(chapter: AlignedChapter, languages: readonly string[], context: RenderContext): Element {
  const { book } = context;
  const cells: Element[] = [];
  const anchor = chapterAnchor(chapter);
  // The chapter opening spans the columns, one title block per language under the other: display
  // type squeezed into a column's measure breaks into many short lines.
  cells.push(
    h(
      'header',
      { className: ['chapter-head', 'chapter-opening'] },
      languages.map((lang, index) => {
        const subtitle = chapter.documents[lang]?.frontMatter.subtitle;
        return h('div', { className: ['title-block'], lang }, [
          h('h1', index === 0 ? { id: anchor } : {}, chapterTitle(chapter, lang, book.sourceLang)),
          subtitle ? h('p', { className: ['subtitle'] }, String(subtitle)) : null,
          articleByline(chapter, lang, book.sourceLang),
        ]);
      }),
    ),
  );
  for (const section of chapter.sections) {
    if (section.id !== '') {
      languages.forEach((lang, index) => {
        cells.push(
          h('h2', { className: ['cell'], lang, ...(index === 0 ? { id: sectionAnchor(chapter, section.id) } : {}) }, headingContent(section.headings[lang], chapter.documents[lang])),
        );
      });
    }
    section.rows.forEach((row, n) => {
      languages.forEach((lang, index) => {
        const id = index === 0 ? { id: rowAnchor(chapter, section.id, row.position ?? n + 1) } : {};
        cells.push(h('div', { className: ['cell', ...(row.unit ? [`unit-${row.unit.kind}`] : [])], lang, ...id }, renderBlock(row.cells[lang], chapter.documents[lang], lang, context)));
      });
    });
  }
  if (chapter.notes.length > 0) {
    languages.forEach((lang, index) => cells.push(h('h2', { className: ['cell', 'notes-title'], lang, ...(index === 0 ? { id: rowAnchor(chapter, NOTES_SECTION, 0) } : {}) }, notesTitle(lang))));
    for (const note of chapter.notes) {
      languages.forEach((lang, index) => {
        const id = index === 0 ? { id: rowAnchor(chapter, NOTES_SECTION, note.number) } : {};
        cells.push(h('div', { className: ['cell', 'unit-note'], lang, ...id }, [renderNote(chapter, note, lang)]));
      });
    }
  }
  return h(
    'section',
    { className: ['chapter', `kind-${chapter.kind}`, 'layout-columns'], dataChapter: chapter.name },
    h('div', { className: ['parallel'], style: `--columns: ${languages.length}; grid-template-columns: ${columnTemplate(languages, context)}` }, cells),
  );
}

/**
 * The columns' widths: book.yaml's `columnWidths`, or each language's share of the book's text
 * width (src/layout/column-widths.ts), so that the cells of a row, and the columns of a chapter,
 * end near each other.
 */
function columnTemplate(languages: readonly string[], context: RenderContext): string {
  const widths = context.columnWidths ?? defaultColumnWidths(context.book, languages);
  return widths.map((w) => `minmax(0, ${w.toFixed(3)}fr)`).join(' ');
}
