import type { Edition } from '../config/schema.js';
import type { Book } from '../manuscript/model.js';
import type { EmbeddedFace } from './edition-fonts.js';

/** What every layout function renders from: the book as one edition shows it, and that edition. */
export interface RenderContext {
  /** The book as this edition shows it (bookForEdition: conditional rows for other editions left out). */
  book: Book;
  date: Date;
  /** The edition being laid out: conditional content and the generated phrases depend on it. */
  edition: Edition;
  /** The faces this edition's output embeds, once known (a print pass reads them from its PDF). */
  fonts?: readonly EmbeddedFace[];
  /** The `columns` layout's width ratios, one per language of the edition (book.yaml `columnWidths`). */
  columnWidths?: readonly number[];
}
