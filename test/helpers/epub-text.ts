import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** An XHTML document of the EPUB as a tree (parsed as HTML: enough to read elements and text). */
export function parseXhtml(xhtml: string): Root {
  return fromHtml(xhtml);
}

export function elements(tree: Root | Element, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** The text a reader sees in the body (`hidden` elements, such as the landmarks, left out): what the embedded fonts must draw. */
export function bodyText(tree: Root): string {
  const body = elements(tree, (e) => e.tagName === 'body')[0];
  if (!body) return '';
  visit(body, 'element', (element, index, parent) => {
    if (element.properties.hidden === undefined || element.properties.hidden === false || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  return hastToString(body);
}

/** Whitespace, soft hyphens and zero-width spaces removed, NFC: text as the manuscript has it, modulo line breaking. */
export function comparableText(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00ad\u200b]+/g, '');
}

/** Numeric character references to non-ASCII characters (`&#xE1;`), which UTF-8 documents do not need. */
export function nonAsciiReferences(text: string): string[] {
  return [...text.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)]
    .filter((m) => {
      const code = m[1] ?? '';
      return (code.startsWith('x') || code.startsWith('X') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10)) > 0x7f;
    })
    .map((m) => m[0]);
}

/** A copy of a block without its footnote references and footnotes: the text the manuscript block itself holds. */
export function withoutFootnotes(block: Element): Element {
  const copy = structuredClone(block);
  visit(copy, 'element', (element, index, parent) => {
    // A note reference is a link carrying epub:type="noteref" (src/layout/notes.ts).
    const footnote = element.properties.dataFootnotes !== undefined || (element.tagName === 'sup' && elements(element, (e) => e.properties['epub:type'] === 'noteref' || e.properties.epubType === 'noteref').length > 0);
    if (!footnote || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
  return copy;
}
