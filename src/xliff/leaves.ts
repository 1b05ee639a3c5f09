import type { Heading, Paragraph, RootContent } from 'mdast';

/** A run of inline text a translator works on: one XLIFF unit. */
export type Leaf = Paragraph | Heading;

/**
 * The paragraphs and headings of a block, in reading order: a paragraph is its own leaf; a list,
 * quote or directive container gives the leaves inside it. Code, tables, rules and `::directives`
 * have none (nothing there is translated through XLIFF).
 */
export function blockLeaves(node: RootContent): Leaf[] {
  if (node.type === 'paragraph' || node.type === 'heading') return [node];
  if (node.type === 'containerDirective' && node.name === 'untranslated') return [];
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'containerDirective') {
    return node.children.flatMap((child) => blockLeaves(child));
  }
  return [];
}
