import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { LEAD_KEY } from './fingerprint.js';
import type { Block, ManuscriptDocument, Section } from './model.js';
import { sectionById } from './section-index.js';

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
 * Whether a translated section holds any translation yet: a translated block with text (a rule or a
 * directive is the same in every language), or for a section with no text blocks its heading. A
 * section that is all `:::untranslated` cannot be stale: there is nothing to revisit.
 */
export function hasTranslatedText(section: Section): boolean {
  const textual = section.blocks.filter((block) => !TEXTLESS.has(block.node.type));
  if (textual.length === 0) return section.heading !== undefined;
  return textual.some((block) => blockState(block) === 'translated');
}

/**
 * Whether a translation has something translated for a fingerprint unit (`_lead` or a section id):
 * the lead counts when its blocks or at least the title are translated.
 */
export function isUnitTranslated(translation: ManuscriptDocument, key: string): boolean {
  const twin = key === LEAD_KEY ? translation.sections.find((s) => s.heading === undefined) : sectionById(translation, key);
  return twin ? hasTranslatedText(twin) : key === LEAD_KEY && translation.frontMatter.title !== undefined;
}
