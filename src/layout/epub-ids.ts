import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

/** Attributes that name an id of the same document. */
const ID_REFERENCES = ['ariaDescribedBy', 'ariaLabelledBy'] as const;

/**
 * Each block is rendered on its own, so a footnote gives every language's block the same ids
 * (`user-content-fn-1`, `footnote-label`) and one EPUB document would repeat them (epubcheck
 * RSC-005). Ids inside a block get the row and the language as prefix, and the block's own links
 * and ARIA references follow; ids between blocks (rows, headings) are the book's anchors and stay.
 */
export function scopeBlockIds(root: Root): void {
  visit(root, 'element', (row) => {
    const rowId = row.properties.id;
    if (!isClassed(row, 'row') || typeof rowId !== 'string') return undefined;
    for (const block of row.children) {
      if (block.type !== 'element' || typeof block.properties.lang !== 'string') continue;
      scope(block, `${rowId}-${block.properties.lang}-`);
    }
    return SKIP;
  });
}

function scope(block: Element, prefix: string): void {
  const ids = new Set<string>();
  visit(block, 'element', (element) => {
    // Footnote links and notes carry ids unique to their file and link across rows: they stay.
    if (isClassed(element, 'note') || isClassed(element, 'noteref')) return;
    if (element !== block && typeof element.properties.id === 'string') ids.add(element.properties.id);
  });
  if (ids.size === 0) return;
  const rename = (id: string) => (ids.has(id) ? `${prefix}${id}` : id);
  visit(block, 'element', (element) => {
    const { properties } = element;
    if (element !== block && typeof properties.id === 'string') properties.id = rename(properties.id);
    if (typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${rename(properties.href.slice(1))}`;
    for (const key of ID_REFERENCES) {
      const value: unknown = properties[key];
      if (Array.isArray(value)) properties[key] = value.map((id) => rename(String(id)));
      else if (typeof value === 'string') properties[key] = value.split(/\s+/).map(rename);
    }
  });
}

function isClassed(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}
