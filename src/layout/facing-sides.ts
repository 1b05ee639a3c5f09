import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { PdfEdition } from '../config/schema.js';
import type { RenderContext } from './blocks.js';
import { chapterTitle } from './chapter-parts.js';
import { printShell } from './document.js';
import type { FacingItem, Side } from './facing.js';
import { textArea } from './facing.js';
import { oneSidedPageCss, pageGeometry } from './page-geometry.js';
import { blankPage } from './front-matter.js';
import { cssString, pageName } from './running-heads.js';
import type { SpreadGroup } from './spreads.js';

/**
 * The earlier facing print, kept for the one case the single document cannot take: a unit taller
 * than a page, which must run over several spreads on both sides. Each side is printed alone and
 * the pages are interleaved with pdf-lib (src/output/pdf-spreads.ts); that PDF is not tagged.
 */
const FURNITURE_FONT = "font-family: 'Noto Serif', 'Noto Serif Khmer'; font-size: 7pt; font-style: italic; color: #444;";

export interface SidePrintOptions {
  edition: PdfEdition;
  context: RenderContext;
  templatesDir: string;
  side: Side;
  items: readonly FacingItem[];
  /** Spreads, each starting a page; none for the measuring document, one long column of the text width. */
  spreads?: readonly SpreadGroup[];
  /** Blank pages after spread n, where the other side's spread n is longer. */
  pads?: ReadonlyMap<number, number>;
}

/** One side of a facing edition: the verso language alone on every page, or the recto language. */
export function facingSidePrint({ edition, context, templatesDir, side, items, spreads, pads }: SidePrintOptions): Root {
  const lang = (side === 'verso' ? edition.languages[0] : edition.languages[1]) ?? context.book.sourceLang;
  const item = (i: FacingItem) => {
    const element = i.render(lang);
    element.properties = { ...element.properties, id: i.id, lang, className: ['facing-item'] };
    return element;
  };
  const byId = new Map(items.map((i) => [i.id, i]));
  const body: Element[] = [];
  if (!spreads) {
    body.push(h('div', { className: ['facing-measure'], style: `width: ${textArea(edition).widthMm}mm` }, items.map(item)));
  } else {
    spreads.forEach((group, n) => {
      const first = byId.get(group[0] ?? '');
      const page = side === 'verso' ? 'facing-verso' : first ? pageName(first.chapter) : 'facing-recto';
      body.push(h('section', { className: ['spread'], id: spreadAnchor(n), style: `page: ${page}` }, group.flatMap((id) => { const i = byId.get(id); return i ? [item(i)] : []; })));
      for (let k = 0; k < (pads?.get(n) ?? 0); k++) body.push(blankPage());
    });
    const anchors = [...spreads.map((_, n) => spreadAnchor(n)), ...items.map((i) => i.id)];
    body.push(h('nav', { className: ['anchor-index'], hidden: true }, anchors.map((id) => h('a', { href: `#${id}` }))));
  }
  return printShell({ edition, context, templatesDir, css: sideCss(edition, context, side, items), lang, body });
}

export function spreadAnchor(n: number): string {
  return `spread-${n + 1}`;
}

/**
 * Every page of a side has that side's margins and running head; no folio: the sides become one
 * book only when their pages are interleaved, and the folios are drawn then.
 */
function sideCss(edition: PdfEdition, context: RenderContext, side: Side, items: readonly FacingItem[]): string {
  const box = side === 'verso' ? 'top-left' : 'top-right';
  const blankBoxes = '@top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; }';
  const rules = [oneSidedPageCss(pageGeometry(edition), side), `@page :left { ${blankBoxes} }`, `@page :right { ${blankBoxes} }`];
  const head = (name: string, text: string) => [':left', ':right'].map((p) => `@page ${name}${p} { @${box} { content: ${cssString(text)}; ${FURNITURE_FONT} } }`).join('\n');
  const { book } = context;
  if (side === 'verso') {
    rules.push(head('facing-verso', edition.languages.map((l) => book.config.title[l] ?? '').filter(Boolean).join(' · ')));
  } else {
    for (const chapter of new Set(items.map((i) => i.chapter))) rules.push(head(pageName(chapter), edition.languages.map((l) => chapterTitle(chapter, l, book.sourceLang)).join(' · ')));
  }
  return rules.join('\n');
}
