import type { Diagnostic } from '../diagnostics/index.js';
import { describeSection, formatLocation, placeOfNode, placeOfSection, translationPairs, type LintRule } from './rule.js';
import { sectionById } from '../manuscript/section-index.js';

/**
 * `block-missing`, `block-extra` (errors): inside a section, blocks align by order, so a translated
 * section has exactly as many blocks as its source. The first block without a twin is named.
 */
export const blockAlignment: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { lang, source, translation } of translationPairs(book)) {
    for (const section of source.sections) {
      const twin = sectionById(translation, section.id);
      if (!twin || twin.blocks.length === section.blocks.length) continue;
      const extra = twin.blocks.length > section.blocks.length;
      const firstUnmatched = extra ? twin.blocks[section.blocks.length] : section.blocks[twin.blocks.length];
      const here = extra ? placeOfNode(translation, firstUnmatched?.node) : placeOfNode(translation, twin.blocks.at(-1)?.node ?? twin.heading);
      const related = extra ? placeOfSection(source, section) : placeOfNode(source, firstUnmatched?.node);
      const fix = extra
        ? 'merge or remove the extra block(s); blocks align by order'
        : `translate the missing block(s) or mark them \`:::untranslated\` (\`parallel-press scaffold ${lang}\` adds them)`;
      diagnostics.push({
        ...(here.line === undefined ? placeOfSection(translation, twin) : here),
        severity: 'error',
        ruleId: extra ? 'block-extra' : 'block-missing',
        message: `Unexpected ${twin.blocks.length} block(s) in section ${describeSection(section)} of ${translation.path}, expected ${section.blocks.length} like ${formatLocation(placeOfSection(source, section))}; ${fix}`,
        related,
      });
    }
  }
  return diagnostics;
};
