import type { PdfEdition } from '../config/schema.js';
import { DEFAULT_MARGINS_MM, type PageMargins } from '../config/page-margins.js';
import { trimSize, type TrimSize } from './trim.js';

/** A horizontal band of the page, from its top edge, in mm. */
export interface Band {
  topMm: number;
  heightMm: number;
}

/**
 * Where everything sits on a page of a PDF edition, in millimetres: the page box (the trim), the
 * margins, the text area between them, and the bands of the running head and the folio (Chromium's
 * top and bottom margin boxes fill the margins). The print CSS and the facing measurement both read
 * it, so the pages printed and the pages spreads are packed for are the same pages.
 */
export interface PageGeometry {
  page: TrimSize;
  margins: PageMargins;
  textArea: TrimSize;
  /** Left and right margins of a left-hand (verso) and a right-hand (recto) page: the binding is inner. */
  verso: { leftMm: number; rightMm: number };
  recto: { leftMm: number; rightMm: number };
  head: Band;
  foot: Band;
}

export function pageGeometry(edition: Pick<PdfEdition, 'trim' | 'margins'>): PageGeometry {
  const page = trimSize(edition.trim);
  const margins: PageMargins = { ...DEFAULT_MARGINS_MM, ...definedMargins(edition.margins) };
  return {
    page,
    margins,
    textArea: { widthMm: page.widthMm - margins.inner - margins.outer, heightMm: page.heightMm - margins.top - margins.bottom },
    verso: { leftMm: margins.outer, rightMm: margins.inner },
    recto: { leftMm: margins.inner, rightMm: margins.outer },
    head: { topMm: 0, heightMm: margins.top },
    foot: { topMm: page.heightMm - margins.bottom, heightMm: margins.bottom },
  };
}

/** Only the margins book.yaml sets: an absent one keeps the book design's. */
function definedMargins(margins: PdfEdition['margins']): Partial<PageMargins> {
  return Object.fromEntries(Object.entries(margins ?? {}).filter(([, value]) => value !== undefined));
}

/**
 * The @page rules of the geometry: the size, and mirrored margins (page 1 is a recto). Left and
 * right pages keep the same text width, so a chapter breaks into the same pages wherever it starts.
 */
export function pageCss({ page, margins, verso, recto }: PageGeometry): string {
  return [
    `@page { size: ${page.widthMm}mm ${page.heightMm}mm; margin: ${margins.top}mm ${recto.rightMm}mm ${margins.bottom}mm ${recto.leftMm}mm; }`,
    `@page :left { margin-left: ${verso.leftMm}mm; margin-right: ${verso.rightMm}mm; }`,
    `@page :right { margin-left: ${recto.leftMm}mm; margin-right: ${recto.rightMm}mm; }`,
  ].join('\n');
}

/** Every page with the margins of one side: a facing edition prints each side alone, verso or recto. */
export function oneSidedPageCss({ margins, verso, recto }: PageGeometry, side: 'verso' | 'recto'): string {
  const { leftMm, rightMm } = side === 'verso' ? verso : recto;
  const margin = `margin: ${margins.top}mm ${rightMm}mm ${margins.bottom}mm ${leftMm}mm;`;
  return `@page :left { ${margin} }\n@page :right { ${margin} }`;
}
