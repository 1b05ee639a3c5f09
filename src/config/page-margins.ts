/**
 * The page margins of the book design, in millimetres, from the trim to the text block: what a PDF
 * edition gets unless its `margins` in book.yaml say otherwise. src/layout/page-geometry.ts derives
 * them per trim (the scheme is documented there); these are the floors the scheme never goes under,
 * whatever the trim: a head of 15 mm, a foot of 18 mm, an inner (binding) margin of 13 mm and an
 * outer margin at least as wide as the inner.
 */
export interface PageMargins {
  top: number;
  bottom: number;
  inner: number;
  outer: number;
}

export const DEFAULT_MARGINS_MM: Readonly<PageMargins> = { top: 15, bottom: 18, inner: 13, outer: 13 };
