import type { Definition, FootnoteDefinition, Root } from 'mdast';
import type { Block, Section } from './model.js';

export interface Segmented {
  sections: Section[];
  definitions: (Definition | FootnoteDefinition)[];
}

/**
 * Splits a chapter at `#`/`##` headings into sections of blocks. Blocks are the top-level
 * nodes between headings (deeper headings are blocks too); they align by order across languages.
 */
export function segmentSections(tree: Root): Segmented {
  const sections: Section[] = [];
  const definitions: (Definition | FootnoteDefinition)[] = [];
  let current: Section = { id: '', heading: undefined, blocks: [] };
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      definitions.push(node);
      continue;
    }
    if (node.type === 'heading' && node.depth <= 2) {
      if (current.heading || current.blocks.length > 0) sections.push(current);
      current = { id: node.data?.id ?? '', heading: node, blocks: [] };
      continue;
    }
    const block: Block = { node, untranslated: node.type === 'containerDirective' && node.name === 'untranslated' };
    current.blocks.push(block);
  }
  if (current.heading || current.blocks.length > 0) sections.push(current);
  return { sections, definitions };
}
