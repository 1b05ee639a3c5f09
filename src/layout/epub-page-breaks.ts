import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/** Where a print edition's content landed: the page of every chapter, section and row anchor. */
export interface PrintPages {
  /** The PDF edition the pages are those of. */
  editionId: string;
  pages: ReadonlyMap<string, number>;
  pageCount: number;
}

export interface PageListEntry {
  page: number;
  /** `02-friendship.xhtml#page-42`. */
  href: string;
}

/**
 * Puts a page-break marker for every page of the print edition into the EPUB documents, in reading
 * order: the marker of page p goes just before the first anchored element (chapter heading, section
 * heading or row, the same anchors in every edition of the book) that starts on page p or later.
 * Pages with nothing starting on them (the front matter, blank versos, a page that begins inside a
 * long row) share the place of the next element that does; pages after the last one go at the end.
 * Rows are the unit: within a row the EPUB cannot know where the print turned the page.
 */
export function insertPageBreaks(documents: readonly { filename: string; root: Root }[], print: PrintPages): PageListEntry[] {
  const entries: PageListEntry[] = [];
  let next = 1;
  const markers = (upTo: number, filename: string): Element[] => {
    const made: Element[] = [];
    for (; next <= Math.min(upTo, print.pageCount); next++) {
      made.push(h('span', { id: `page-${next}`, role: 'doc-pagebreak', 'epub:type': 'pagebreak', ariaLabel: String(next) }));
      entries.push({ page: next, href: `${filename}#page-${next}` });
    }
    return made;
  };
  for (const { filename, root } of documents) {
    visit(root, 'element', (element, index, parent) => {
      const page = typeof element.properties.id === 'string' ? print.pages.get(element.properties.id) : undefined;
      if (page === undefined || page < next || !parent || index === undefined) return undefined;
      const inserted = markers(page, filename);
      parent.children.splice(index, 0, ...inserted);
      return index + inserted.length + 1;
    });
  }
  const last = documents.at(-1);
  const section = last?.root.children.find((node): node is Element => node.type === 'element');
  if (last && section) section.children.push(...markers(print.pageCount, last.filename));
  return entries;
}
