/**
 * The page margins of the book design, in millimetres: what a PDF edition gets unless its `margins`
 * in book.yaml say otherwise. The inner (binding) margin is the wider one; left and right pages keep
 * the same text width, so a chapter breaks into the same pages wherever it starts.
 * src/layout/page-geometry.ts turns them, with the trim, into the page box and its text area.
 */
export interface PageMargins {
  top: number;
  bottom: number;
  inner: number;
  outer: number;
}

export const DEFAULT_MARGINS_MM: Readonly<PageMargins> = { top: 17, bottom: 18, inner: 17, outer: 13 };
