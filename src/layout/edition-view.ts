import type { Nodes, Parents, RootContent } from 'mdast';
import type { Edition } from '../config/schema.js';
import { conditionOf, isConditional, type Condition } from '../manuscript/condition.js';
import type { AlignedChapter, Book } from '../manuscript/model.js';
import type { RenderContext } from './render-context.js';

/**
 * The layout of a print edition; an EPUB has none (its reading order is interleaved, but
 * `:::only{layout=interleaved}` speaks of the printed page). Read through here, not `edition.layout`,
 * so that EPUB editions need no layout field.
 */
export function printLayout(edition: Edition): string | undefined {
  return edition.format === 'pdf' ? edition.layout : undefined;
}

/** Whether a conditional block or phrase is kept in an edition. */
export function keptIn(condition: Condition, edition: Edition): boolean {
  const layout = printLayout(edition);
  const editionLanguages = [...new Set(edition.languages)].sort().join(',');
  const matches =
    (!condition.languages || [...condition.languages].sort().join(',') === editionLanguages) &&
    (!condition.format || condition.format.includes(edition.format)) &&
    (!condition.layout || (layout !== undefined && condition.layout.includes(layout))) &&
    (!condition.id || condition.id.includes(edition.id));
  return condition.keep === 'only' ? matches : !matches;
}

/**
 * The book as one edition shows it: the rows whose source block is a conditional block for other
 * editions are left out. Rows keep their position in the section, so anchors (and the page breaks
 * an EPUB takes from a print edition) name the same row everywhere. The translations carry the same
 * condition (`condition-mismatch` is an error), so the source's decides.
 */
export function bookForEdition(book: Book, edition: Edition): Book {
  const chapters = book.chapters.map((chapter): AlignedChapter => {
    let changed = false;
    const sections = chapter.sections.map((section) => {
      const rows = section.rows
        .map((row, n) => ({ ...row, position: row.position ?? n + 1 }))
        .filter((row) => {
          const source = row.cells[book.sourceLang]?.node;
          const condition = source ? conditionOf(source) : undefined;
          const kept = !condition || keptIn(condition, edition);
          if (!kept) changed = true;
          return kept;
        });
      return { ...section, rows };
    });
    return changed ? { ...chapter, sections } : chapter;
  });
  return { ...book, chapters };
}

/**
 * A block with its conditions settled for the edition: a kept conditional container or phrase gives
 * its content in its place, one for other editions goes. Returns the nodes that replace `node`.
 */
export function settleConditions(node: RootContent, edition: Edition): RootContent[] {
  if (!hasConditional(node)) return [node]; // the same node: its rendering stays cached
  const condition = conditionOf(node);
  if (condition && !keptIn(condition, edition)) return [];
  const copy = structuredClone(node);
  settleChildren(copy, edition);
  return condition && 'children' in copy ? (copy.children as RootContent[]) : [copy];
}

function hasConditional(node: Nodes): boolean {
  return isConditional(node) || ('children' in node && (node.children as Nodes[]).some(hasConditional));
}

function settleChildren(node: Nodes, edition: Edition): void {
  if (!('children' in node)) return;
  const parent = node as Parents;
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (isConditional(child)) {
      const condition = conditionOf(child);
      if (condition && !keptIn(condition, edition)) continue;
      settleChildren(child, edition);
      children.push(...(child.children as RootContent[]));
    } else {
      settleChildren(child, edition);
      children.push(child);
    }
  }
  parent.children = children as typeof parent.children;
}

/** What laying out one edition starts from: the book as that edition shows it. */
export function editionContext(book: Book, edition: Edition, date: Date): RenderContext {
  return { book: bookForEdition(book, edition), date, edition };
}
