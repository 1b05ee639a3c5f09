import { toString } from 'mdast-util-to-string';
import type { Book } from '../manuscript/model.js';
import { estimateEms } from './text-measure.js';
import { KHMER_SCALE } from './type-scale.js';

/**
 * Default width ratios of the `columns` layout, one per language: each language's share of the
 * book's text, measured as its characters × its script's average advance (src/layout/text-measure.ts).
 * Every language is set on the same leading, so a column's length is its text's width over its
 * column's width: columns as wide as their text is long end near each other. The ratios are the
 * book's, not a chapter's, so that every page has the same columns; they are rounded to a tenth and
 * kept between half and twice the mean, so that no column becomes a ribbon.
 */
export function defaultColumnWidths(book: Book, languages: readonly string[]): number[] {
  // Every chapter asks for the book's ratios: measured once per book, or a long book is measured once per chapter.
  const known = measured.get(book) ?? new Map<string, number[]>();
  measured.set(book, known);
  const key = languages.join(' ');
  const widths = known.get(key) ?? measure(book, languages);
  known.set(key, widths);
  return [...widths];
}

const measured = new WeakMap<Book, Map<string, number[]>>();

function measure(book: Book, languages: readonly string[]): number[] {
  const ems = languages.map((lang) => {
    let total = 0;
    for (const chapter of book.chapters) {
      for (const section of chapter.sections) {
        for (const row of section.rows) {
          const block = row.cells[lang];
          if (block && !block.untranslated) total += estimateEms(toString(block.node), lang, lang === 'km' ? KHMER_SCALE : 1);
        }
      }
    }
    return total;
  });
  const mean = ems.reduce((a, b) => a + b, 0) / Math.max(1, ems.length);
  if (mean === 0) return languages.map(() => 1);
  return ems.map((e) => Math.round(Math.min(2, Math.max(0.5, e / mean)) * 10) / 10);
}
