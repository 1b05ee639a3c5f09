import type { Diagnostic } from '../diagnostics/index.js';
import type { Place } from '../diagnostics/index.js';
import type { ManuscriptDocument, Section } from '../manuscript/model.js';
import { describeSection, formatLocation, placeOfNode, placeOfSection, translationPairs, type LintRule } from './rule.js';
import { sectionById } from '../manuscript/section-index.js';

/**
 * `section-missing`, `section-extra` (errors): a translation has the sections of its source, matched
 * by heading id (the lead by position). Both places are named so the translator can find the twin.
 */
export const sectionAlignment: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { lang, source, translation } of translationPairs(book)) {
    source.sections.forEach((section, index) => {
      if (section.heading && section.id === '') return; // heading-id-missing says it
      if (sectionById(translation, section.id)) return;
      const where = placeOfSection(source, section);
      const hint = section.heading ? `add a heading with the same id {#${section.id}}` : 'add the lead paragraphs before the first heading';
      diagnostics.push({
        ...whereMissing(translation, source.sections, index),
        severity: 'error',
        ruleId: 'section-missing',
        message: `Missing section ${describeSection(section)} in ${translation.path}: expected it like ${formatLocation(where)}; ${hint} (\`parallel-press scaffold ${lang}\` inserts it marked untranslated)`,
        related: where,
      });
    });
    for (const twin of translation.sections) {
      if (twin.heading && twin.id === '') continue;
      if (sectionById(source, twin.id)) continue;
      diagnostics.push({
        ...placeOfSection(translation, twin),
        severity: 'error',
        ruleId: 'section-extra',
        message: `Unexpected section ${describeSection(twin)} in ${translation.path}: ${source.path} has no section like it; fix the id to match a source section or remove it`,
        related: { file: source.path },
      });
    }
  }
  return diagnostics;
};

/** Where a missing section belongs: after the twin of the closest earlier source section, else line 1. */
function whereMissing(translation: ManuscriptDocument, sections: readonly Section[], before: number): Place {
  for (let index = before - 1; index >= 0; index--) {
    const twin = sectionById(translation, sections[index]?.id ?? '');
    if (twin) return placeOfNode(translation, twin.blocks.at(-1)?.node ?? twin.heading);
  }
  return { file: translation.path, line: 1, column: 1 };
}
