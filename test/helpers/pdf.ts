import { execFileSync } from 'node:child_process';
import { DEFAULT_MARGINS_MM } from '../../src/config/page-margins.js';

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** Fonts as `pdffonts` reports them. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: emb is the 5th field from the end.
    return { name: columns[0] ?? '', embedded: columns.at(-5) === 'yes' };
  });
}

/** The text of pages `first`..`last` (all by default) as `pdftotext -raw` gives it: in drawing order. */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/**
 * Whitespace, soft hyphens and zero-width spaces removed, NFC: how text is compared across formats.
 * A soft hyphen where Chromium broke a line comes out of pdftotext as U+00AD (`-raw`) or as U+2010
 * HYPHEN (`-bbox-layout`); the manuscript never has U+2010, so both go.
 */
export function comparable(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00ad\u200b\u2010]+/g, '');
}

interface Line {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

/** The top and bottom margins of the book design (src/config/page-margins.ts), in points: running heads and folios sit in them. */
const MARGIN_TOP_PT = (DEFAULT_MARGINS_MM.top * 72) / 25.4;
const MARGIN_BOTTOM_PT = (DEFAULT_MARGINS_MM.bottom * 72) / 25.4;

/**
 * The text of each column of a multi-column PDF, in reading order across pages. Lines come from
 * `pdftotext -bbox-layout`; a line belongs to column floor((xMin - left) / (width / n)) where left and
 * width are the text area's extent on pages of the same parity (margins may be mirrored).
 * Page furniture is left out: everything in the top and bottom margins (running heads, folios), and
 * lines `isFurniture` recognises, so a paragraph broken across pages still reads as one run of text.
 * Pages before `fromPage` (from 1: the front matter) are left out too.
 */
export function columnTexts(file: string, columns: number, options: ColumnOptions = {}): string[] {
  return columnLines(file, columns, options).map((column) => column.map((l) => l.text).join('\n'));
}

interface ColumnOptions {
  fromPage?: number;
  isFurniture?: (line: string) => boolean;
}

/**
 * Each column as one comparable string, with the page (from 1) every character of it was printed on:
 * where a paragraph starts can be found even when its first words straddle a page break.
 */
export function columnStreams(file: string, columns: number, options: ColumnOptions = {}): { text: string; pageAt: number[] }[] {
  return columnLines(file, columns, options).map((column) => {
    let text = '';
    const pageAt: number[] = [];
    for (const line of column) {
      const part = comparable(line.text);
      text += part;
      for (let i = 0; i < part.length; i++) pageAt.push(line.page + 1);
    }
    return { text, pageAt };
  });
}

/** The lines of each column in reading order (see columnTexts); `page` counts from 0. */
function columnLines(file: string, columns: number, options: ColumnOptions): Line[][] {
  const { fromPage = 1, isFurniture = () => false } = options;
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines: Line[] = [];
  xml.split(/<page /).slice(1).forEach((pageXml, page) => {
    if (page + 1 < fromPage) return;
    const height = Number(/height="([\d.]+)"/.exec(pageXml)?.[1] ?? 0);
    for (const match of pageXml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
      const words = [...(match[4] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decodeXml(w[1] ?? ''));
      const text = words.join(' ');
      const yMin = Number(match[2]);
      // Tall first lines (headings) reach a little above the text area; the margin boxes sit mid-margin.
      const inMargin = yMin < MARGIN_TOP_PT - 8 || yMin > height - MARGIN_BOTTOM_PT + 4;
      if (!inMargin && !isFurniture(text)) lines.push({ page, xMin: Number(match[1]), yMin, xMax: Number(match[3]), text });
    }
  });
  // A folio is a digit-only line at the very top or bottom of its page.
  const pages = new Set(lines.map((l) => l.page));
  for (const page of pages) {
    const own = lines.filter((l) => l.page === page);
    const edges = [Math.min(...own.map((l) => l.yMin)), Math.max(...own.map((l) => l.yMin))];
    for (const line of own) {
      if (/^\d+$/.test(line.text.trim()) && edges.includes(line.yMin)) lines.splice(lines.indexOf(line), 1);
    }
  }
  const extent = [0, 1].map((parity) => {
    const own = lines.filter((l) => l.page % 2 === parity);
    const left = Math.min(...own.map((l) => l.xMin));
    return { left, width: Math.max(...own.map((l) => l.xMax)) - left };
  });
  const out: Line[][] = Array.from({ length: columns }, () => []);
  const sorted = [...lines].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  for (const line of sorted) {
    const { left, width } = extent[line.page % 2] ?? { left: 0, width: 1 };
    const column = Math.min(columns - 1, Math.max(0, Math.floor(((line.xMin - left) / width) * columns + 0.05)));
    out[column]?.push(line);
  }
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export interface BoxLine {
  /** From 1. */
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  words: string[];
}

/** Every text line of the PDF with its box, from `pdftotext -bbox-layout`, and the page heights. */
export function pdfLines(file: string): { lines: BoxLine[]; heights: number[] } {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines: BoxLine[] = [];
  const heights: number[] = [];
  xml.split(/<page /).slice(1).forEach((pageXml, index) => {
    heights.push(Number(/height="([\d.]+)"/.exec(pageXml)?.[1] ?? 0));
    for (const match of pageXml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)) {
      const words = [...(match[4] ?? '').matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decodeXml(w[1] ?? ''));
      lines.push({ page: index + 1, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), words });
    }
  });
  return { lines, heights };
}

/** The running head of a page: the text of the lines in its top margin. */
export function runningHead(lines: readonly BoxLine[], page: number): string {
  return lines
    .filter((l) => l.page === page && l.yMin < MARGIN_TOP_PT - 8)
    .map((l) => l.words.join(' '))
    .join(' ');
}

/**
 * The text of a single-column PDF in reading order without its page furniture (running heads and
 * folios in the margins), so that a paragraph that crosses a page break reads as one.
 */
export function bodyText(file: string, pages: (page: number) => boolean = () => true): string {
  return bodyLines(file)
    // The interleaved layout's language labels (VI, KM) sit beside a block's first line: furniture too.
    .filter((l) => pages(l.page) && !/^[A-Z]{2,3}$/.test(l.words.join('')))
    .sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin)
    .map((l) => l.words.join(' '))
    .join('\n');
}

/** The lines of the text area: everything but the running heads and folios in the margins. */
export function bodyLines(file: string): BoxLine[] {
  const { lines, heights } = pdfLines(file);
  const body = lines.filter((l) => l.yMin >= MARGIN_TOP_PT - 8 && l.yMin <= (heights[l.page - 1] ?? 0) - MARGIN_BOTTOM_PT + 4);
  // A taller page's foot margin holds the folio above that line: a digit-only line lowest on its page.
  const lowest = new Map<number, number>();
  for (const line of body) lowest.set(line.page, Math.max(lowest.get(line.page) ?? 0, line.yMin));
  return body.filter((l) => !(/^\d+$/.test(l.words.join('')) && l.yMin === lowest.get(l.page)));
}
