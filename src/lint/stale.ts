import type { Diagnostic } from '../diagnostics/index.js';
import { isUnitTranslated } from '../manuscript/block-state.js';
import { fingerprintUnits, LEAD_KEY, recordedFingerprints } from '../manuscript/fingerprint.js';
import { formatLocation, placeOfFrontMatter, placeOfSection, translationPairs, type LintRule } from './rule.js';
import { sectionById } from '../manuscript/section-index.js';

/**
 * `section-stale` (warning): the English of a section changed since the fingerprint its translation
 * recorded. `section-unsynced` (info): a translated section has no fingerprint yet, so staleness
 * cannot be told; one info per file when the file records none at all. Neither stops a build: the
 * book stays printable while translators catch up.
 */
export const staleSections: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { lang, source, translation } of translationPairs(book)) {
    const recorded = recordedFingerprints(translation);
    const unsynced: string[] = [];
    for (const unit of fingerprintUnits(source)) {
      if (!isUnitTranslated(translation, unit.key)) continue;
      const twin = unit.key === LEAD_KEY ? translation.sections.find((s) => s.heading === undefined) : sectionById(translation, unit.key);
      const was = recorded.get(unit.key);
      const sourcePlace = unit.section ? placeOfSection(source, unit.section) : placeOfFrontMatter(source, 'title');
      const here = twin ? placeOfSection(translation, twin) : placeOfFrontMatter(translation, 'title');
      if (was === undefined) {
        unsynced.push(unit.key);
        if (recorded.size > 0) {
          diagnostics.push({
            ...here,
            severity: 'info',
            ruleId: 'section-unsynced',
            message: `Section ${label(unit.key)} of ${translation.path} has no recorded fingerprint, so a later change to ${formatLocation(sourcePlace)} would go unnoticed: expected one; after checking the translation, run \`parallel-press sync ${lang} ${fileName(translation.path)} --section ${unit.key}\``,
            related: sourcePlace,
          });
        }
      } else if (was !== unit.hash) {
        diagnostics.push({
          ...here,
          severity: 'warning',
          ruleId: 'section-stale',
          message: `Section ${label(unit.key)} of ${translation.path} is stale: the English at ${formatLocation(sourcePlace)} changed since it was translated (fingerprint ${was}, now ${unit.hash}): expected a translation of the current English; revise it, then run \`parallel-press sync ${lang} ${fileName(translation.path)} --section ${unit.key}\``,
          related: sourcePlace,
        });
      }
    }
    if (recorded.size === 0 && unsynced.length > 0) {
      diagnostics.push({
        ...placeOfFrontMatter(translation),
        severity: 'info',
        ruleId: 'section-unsynced',
        message: `${translation.path} records no source fingerprints (${unsynced.length} translated section(s)), so changes to ${source.path} cannot be detected: expected a fingerprint per translated section; once the translation matches the English, run \`parallel-press sync ${lang} ${fileName(translation.path)} --all\``,
        related: { file: source.path },
      });
    }
  }
  return diagnostics;
};

function label(key: string): string {
  return key === LEAD_KEY ? '`_lead` (title and text before the first heading)' : `\`${key}\``;
}

function fileName(path: string): string {
  return path.split('/').pop() ?? path;
}
