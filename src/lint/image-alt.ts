import type { Image, ImageReference } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/index.js';
import { allDocuments, describeSection, placeOfNode, type LintRule } from './rule.js';

/**
 * `image-alt-missing` (error): an image without a text description cannot be read by a screen
 * reader, and the EPUB declares that every image has one (`schema:accessibilityFeature`
 * alternativeText, accessModeSufficient textual). Checked in every language: the alt text is translated too.
 */
export const imageAlt: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    for (const section of doc.sections) {
      const nodes: Node[] = [...(section.heading ? [section.heading] : []), ...section.blocks.map((b) => b.node)];
      for (const node of nodes) {
        visit(node, (child) => {
          if (child.type !== 'image' && child.type !== 'imageReference') return;
          const image = child as Image | ImageReference;
          if ((image.alt ?? '').trim() !== '') return;
          const target = image.type === 'image' ? image.url : `[${image.identifier}]`;
          diagnostics.push({
            ...placeOfNode(doc, image),
            severity: 'error',
            ruleId: 'image-alt-missing',
            message: `Image \`${target.slice(0, 60)}\` in section ${describeSection(section)} has no alt text: expected a description of what it shows, e.g. \`![Fishing boats on the Mekong at dawn](${target.slice(0, 60)})\``,
          });
        });
      }
    }
  }
  return diagnostics;
};
