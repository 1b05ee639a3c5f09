import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Block, Section } from './model.js';

export type BlockState = 'translated' | 'untranslated' | 'empty';

/** Blocks whose meaning is not text: a rule, a directive the build fills in. */
const TEXTLESS = new Set(['thematicBreak', 'leafDirective']);

/** A block's readable text, without markup. */
export function blockText(node: RootContent): string {
  return toString(node, { includeImageAlt: true });
}

/** Whether a block holds nothing a reader would see (an empty list item, quote or container). */
export function isEmptyBlock(node: RootContent): boolean {
  if (TEXTLESS.has(node.type) || blockText(node).trim() !== '') return false;
  let hasImage = false;
  visit(node, 'image', () => {
    hasImage = true;
  });
  return !hasImage;
}

export function blockState(block: Block): BlockState {
  if (block.untranslated) return 'untranslated';
  return isEmptyBlock(block.node) ? 'empty' : 'translated';
}

/**
 * Whether a translated section holds any translation yet (a heading-only section counts): a section
 * that is all `:::untranslated` cannot be stale, there is nothing to revisit.
 */
export function hasTranslatedText(section: Section): boolean {
  if (section.blocks.length === 0) return section.heading !== undefined;
  return section.blocks.some((block) => blockState(block) === 'translated');
}
