import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/index.js';
import { isEmptyBlock } from '../manuscript/block-state.js';
import { allDocuments, describeSection, placeOfNode, type LintRule } from './rule.js';

/**
 * `block-empty` (warning): a block or heading with nothing a reader would see (`- ` alone, `>` alone,
 * a container with no content, `## {#id}`), in any language. Its row prints empty.
 */
export const emptyBlocks: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    for (const section of doc.sections) {
      if (section.heading && toString(section.heading).trim() === '') {
        diagnostics.push({
          ...placeOfNode(doc, section.heading),
          severity: 'warning',
          ruleId: 'block-empty',
          message: `Heading of section ${describeSection(section)} has no text: expected the heading before its {#${section.id}}`,
        });
      }
      section.blocks.forEach((block, index) => {
        if (block.untranslated || !isEmptyBlock(block.node)) return;
        diagnostics.push({
          ...placeOfNode(doc, block.node),
          severity: 'warning',
          ruleId: 'block-empty',
          message: `Block ${index + 1} of section ${describeSection(section)} (${block.node.type}) has no text: expected its content, or \`:::untranslated\` if it is not translated yet`,
        });
      });
    }
  }
  return diagnostics;
};
