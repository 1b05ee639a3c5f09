import { toString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/index.js';
import { suggestId } from '../markdown/heading-ids.js';
import type { Section } from '../manuscript/model.js';
import { allDocuments, placeOfSection, type LintRule } from './rule.js';

/**
 * `heading-id-missing`, `heading-id-duplicate` (errors): section ids are what align translations
 * with the source, so every `#`/`##` heading needs one, unique within its file.
 */
export const headingIds: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    const seen = new Map<string, Section>();
    for (const section of doc.sections) {
      if (!section.heading) continue;
      if (section.id === '') {
        const text = toString(section.heading);
        diagnostics.push({
          ...placeOfSection(doc, section),
          severity: 'error',
          ruleId: 'heading-id-missing',
          message: `Heading "${text}" has no id: expected a stable id that translations share, e.g. \`${'#'.repeat(section.heading.depth)} ${text} {#${suggestId(text) || 'section'}}\``,
        });
        continue;
      }
      const first = seen.get(section.id);
      if (first) {
        diagnostics.push({
          ...placeOfSection(doc, section),
          severity: 'error',
          ruleId: 'heading-id-duplicate',
          message: `Duplicate section id \`${section.id}\`: expected ids unique within ${doc.path}; rename one of them (translations use the same id)`,
          related: placeOfSection(doc, first),
        });
      } else {
        seen.set(section.id, section);
      }
    }
  }
  return diagnostics;
};
