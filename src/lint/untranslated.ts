import type { Diagnostic } from '../diagnostics/index.js';
import { describeSection, formatLocation, placeOfFrontMatter, placeOfNode, translationPairs, type LintRule } from './rule.js';
import { sectionById } from '../manuscript/section-index.js';

/**
 * `block-untranslated` (warning): a block marked `:::untranslated`; the book prints a placeholder in
 * its row. `title-untranslated` (warning): the source has a title and the translation has none, so
 * the book falls back to the English title.
 */
export const untranslatedBlocks: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { source, translation } of translationPairs(book)) {
    if (source.frontMatter.title !== undefined && translation.frontMatter.title === undefined) {
      diagnostics.push({
        ...placeOfFrontMatter(translation),
        severity: 'warning',
        ruleId: 'title-untranslated',
        message: `${translation.path} has no \`title\` in its front matter, so the book shows the English "${String(source.frontMatter.title)}": expected \`title: …\` in ${translation.lang}`,
        related: placeOfFrontMatter(source, 'title'),
      });
    }
    for (const section of translation.sections) {
      const sourceSection = sectionById(source, section.id);
      section.blocks.forEach((block, index) => {
        if (!block.untranslated) return;
        const twin = sourceSection?.blocks[index];
        diagnostics.push({
          ...placeOfNode(translation, block.node),
          severity: 'warning',
          ruleId: 'block-untranslated',
          message: `Block ${index + 1} of section ${describeSection(section)} is marked untranslated: expected its translation in place of the \`:::untranslated\` container${twin ? ` (English at ${formatLocation(placeOfNode(source, twin.node))})` : ''}; until then the book prints a placeholder`,
          ...(twin ? { related: placeOfNode(source, twin.node) } : {}),
        });
      });
    }
  }
  return diagnostics;
};
