import type { PdfEdition } from '../config/schema.js';
import type { Book } from '../manuscript/model.js';
import { defaultColumnWidths } from './column-widths.js';
import { pageGeometry } from './page-geometry.js';
import { averageAdvanceEms, MM_PER_PT } from './text-measure.js';

/** Body type size of print.css (`--size-base`), in points. */
export const BODY_PT = 9.5;
/** Column gap of print.css (`--gap`) and the interleaved translations' indent, in mm. */
const COLUMN_GAP_MM = 5;
const SECONDARY_INDENT_MM = 6;
/** Under this many characters a line, justified text opens rivers: it is set ragged-right. */
export const JUSTIFY_MIN_CHARACTERS = 45;

/**
 * Characters per line of each language's measure in an edition: its column width ÷ the average
 * advance of a character of Latin running text at the body size (0.5 em, src/layout/text-measure.ts).
 * One unit for every script: a Khmer character carries more text than a Latin one, so the threshold
 * speaks of the measure's width, the same in every language.
 */
export function measureCharacters(edition: PdfEdition, book: Book, columnWidths = edition.columnWidths): Record<string, number> {
  const { widthMm } = pageGeometry(edition).textArea;
  const { languages } = edition;
  const widths = ((): number[] => {
    switch (edition.layout) {
      case 'columns': {
        const ratios = columnWidths ?? defaultColumnWidths(book, languages);
        const total = ratios.reduce((a, b) => a + b, 0);
        const free = widthMm - COLUMN_GAP_MM * (languages.length - 1);
        return languages.map((_, i) => (free * (ratios[i] ?? 1)) / total);
      }
      case 'interleaved':
        return languages.map((_, i) => (i === 0 ? widthMm : widthMm - SECONDARY_INDENT_MM));
      case 'facing':
        return languages.map(() => widthMm);
      default:
        return edition.layout satisfies never;
    }
  })();
  return Object.fromEntries(languages.map((lang, i) => [lang, (widths[i] ?? widthMm) / (averageAdvanceEms('en') * BODY_PT * MM_PER_PT)]));
}

/**
 * Whether an edition's text is justified: only when every language's measure holds 45 characters or
 * more, and then every language alike, so that side-by-side columns look the same.
 */
export function justifies(edition: PdfEdition, book: Book): boolean {
  return Object.values(measureCharacters(edition, book)).every((chars) => chars >= JUSTIFY_MIN_CHARACTERS);
}
