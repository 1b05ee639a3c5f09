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
  /** The head margin, and how far above the text block the running head's line ends. */
  head: Band & { gapMm: number };
  /** The foot margin, and how far below the text block the folio's line starts. */
  foot: Band & { gapMm: number };
}

/**
 * The margin scheme, as fractions of the trim with floors (DEFAULT_MARGINS_MM), rounded to 0.5 mm:
 *
 * | margin | share of the trim | floor | A5 148×210 | B5 176×250 | A4 210×297 | US-Letter |
 * |--------|-------------------|-------|------------|------------|------------|-----------|
 * | head   | 7 % of the height | 15 mm | 15         | 17.5       | 21         | 19.5      |
 * | foot   | 8.5 % of the height | 18 mm | 18       | 21         | 25         | 23.5      |
 * | inner  | 8 % of the width  | 13 mm | 13         | 14         | 17         | 17.5      |
 * | outer  | 11 % of the width, never under the inner | — | 16.5 | 19.5 | 23 | 24 |
 *
 * The running head's line ends 4 mm above the text block and the folio's starts 4 mm below it, so
 * both sit in their band at least 7.5 mm from the trim in every trim (head ≥ 15 mm, 7pt and 8pt type).
 */
export function schemeMargins(page: TrimSize): PageMargins {
  const half = (mm: number) => Math.round(mm * 2) / 2;
  const inner = Math.max(DEFAULT_MARGINS_MM.inner, half(page.widthMm * 0.08));
  return {
    top: Math.max(DEFAULT_MARGINS_MM.top, half(page.heightMm * 0.07)),
    bottom: Math.max(DEFAULT_MARGINS_MM.bottom, half(page.heightMm * 0.085)),
    inner,
    outer: Math.max(inner, DEFAULT_MARGINS_MM.outer, half(page.widthMm * 0.11)),
  };
}

/** Distance between the text block and the running head above it, or the folio below it. */
const FURNITURE_GAP_MM = 4;

export function pageGeometry(edition: Pick<PdfEdition, 'trim' | 'margins'>): PageGeometry {
  const page = trimSize(edition.trim);
  const margins: PageMargins = { ...schemeMargins(page), ...definedMargins(edition.margins) };
  // A margin too narrow for the gap keeps the furniture at its middle rather than off the page.
  const gap = (band: number) => Math.min(FURNITURE_GAP_MM, band / 2);
  return {
    page,
    margins,
    textArea: { widthMm: page.widthMm - margins.inner - margins.outer, heightMm: page.heightMm - margins.top - margins.bottom },
    verso: { leftMm: margins.outer, rightMm: margins.inner },
    recto: { leftMm: margins.inner, rightMm: margins.outer },
    head: { topMm: 0, heightMm: margins.top, gapMm: gap(margins.top) },
    foot: { topMm: page.heightMm - margins.bottom, heightMm: margins.bottom, gapMm: gap(margins.bottom) },
  };
}

/** Only the margins book.yaml sets: an absent one keeps the scheme's. */
function definedMargins(margins: PdfEdition['margins']): Partial<PageMargins> {
  return Object.fromEntries(Object.entries(margins ?? {}).filter(([, value]) => value !== undefined));
}

/**
 * The @page rules of the geometry: the size, and mirrored margins (page 1 is a recto). Left and
 * right pages keep the same text width, so a chapter breaks into the same pages wherever it starts.
 * The margin boxes fill the margins: the running head is set at the foot of its box and the folio at
 * the head of its, each the scheme's gap from the text block.
 */
export function pageCss({ page, margins, verso, recto, head, foot }: PageGeometry): string {
  const headBox = `vertical-align: bottom; margin-bottom: ${head.gapMm}mm;`;
  const folioBox = `vertical-align: top; margin-top: ${foot.gapMm}mm;`;
  return [
    `@page { size: ${page.widthMm}mm ${page.heightMm}mm; margin: ${margins.top}mm ${recto.rightMm}mm ${margins.bottom}mm ${recto.leftMm}mm; }`,
    `@page :left { margin-left: ${verso.leftMm}mm; margin-right: ${verso.rightMm}mm; @top-left { ${headBox} } @bottom-left { ${folioBox} } }`,
    `@page :right { margin-left: ${recto.leftMm}mm; margin-right: ${recto.rightMm}mm; @top-right { ${headBox} } @bottom-right { ${folioBox} } }`,
  ].join('\n');
}

/** Every page with the margins of one side: a facing book that runs over its spreads prints each side alone, verso or recto. */
export function oneSidedPageCss({ margins, verso, recto, head, foot }: PageGeometry, side: 'verso' | 'recto'): string {
  const { leftMm, rightMm } = side === 'verso' ? verso : recto;
  const margin = `margin: ${margins.top}mm ${rightMm}mm ${margins.bottom}mm ${leftMm}mm;`;
  const boxes = (at: 'left' | 'right') => `@top-${at} { vertical-align: bottom; margin-bottom: ${head.gapMm}mm; } @bottom-${at} { vertical-align: top; margin-top: ${foot.gapMm}mm; }`;
  return `@page :left { ${margin} ${boxes('left')} }\n@page :right { ${margin} ${boxes('right')} }`;
}
