import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { PdfEdition } from '../config/schema.js';
import type { EditionDocumentOptions } from './document.js';
import { printShell } from './document.js';
import { facingItems, type FacingItem, type Side } from './facing.js';
import { contentsPage, frontMatter } from './front-matter.js';

/**
 * A facing edition as one document of spreads, each chapter one spread: the verso language on the
 * left page, the recto language on the right, the same items on both. What `preview` shows; the
 * PDF packs the same items into page-sized spreads from heights measured in Chromium.
 */
export function facingSpreadsDocument({ edition, context, templatesDir, pagination }: EditionDocumentOptions): Root {
  const items = facingItems(context);
  const body: Element[] = [...frontMatter(edition.languages, context, contentsPage(edition.languages, context, pagination?.pages ?? new Map()))];
  for (const chapter of new Set(items.map((i) => i.chapter))) {
    const own = items.filter((i) => i.chapter === chapter);
    body.push(h('div', { className: ['facing-spread'] }, [facingPage(edition, own, 'verso', context.book.sourceLang), facingPage(edition, own, 'recto', context.book.sourceLang)]));
  }
  return printShell({ edition, context, templatesDir, css: '', lang: edition.languages[0] ?? context.book.sourceLang, body });
}

function facingPage(edition: PdfEdition, items: readonly FacingItem[], side: Side, sourceLang: string): Element {
  const lang = (side === 'verso' ? edition.languages[0] : edition.languages[1]) ?? sourceLang;
  // Ids only on the verso: an id is unique in a document, and the verso is where a spread opens.
  const content = items.map((item) => {
    const element = item.render(lang);
    element.properties = { ...element.properties, ...(side === 'verso' ? { id: item.id } : {}), className: ['facing-item'] };
    return element;
  });
  return h('section', { className: ['facing-page', side], lang }, content);
}
