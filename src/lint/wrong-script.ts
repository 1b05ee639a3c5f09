import type { Diagnostic } from '../diagnostics/index.js';
import { firstMatch, translatedParts } from './spans.js';
import { translationPairs, type LintRule } from './rule.js';

const KHMER = /[\u1780-\u17ff\u19e0-\u19ff]+/u;
/** Letters only Vietnamese uses (Latin-1 à, é… are shared with French and Spanish names, so not these). */
const VIETNAMESE = /[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1ea0-\u1ef9]+/u;

/**
 * `script-khmer-in-vi`, `script-vietnamese-in-km` (warnings): text of the other translation pasted
 * into the wrong file. Checked per block, heading and title (not inside `:::untranslated`), at the
 * first offending character.
 */
export const wrongScript: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { translation } of translationPairs(book)) {
    const rule = translation.lang === 'vi' ? { ruleId: 'script-khmer-in-vi', pattern: KHMER, found: 'Khmer', expected: 'Vietnamese' } : translation.lang === 'km' ? { ruleId: 'script-vietnamese-in-km', pattern: VIETNAMESE, found: 'Vietnamese', expected: 'Khmer' } : undefined;
    if (!rule) continue;
    for (const { what, spans } of translatedParts(translation)) {
      const hit = firstMatch(translation, spans, rule.pattern);
      if (!hit) continue;
      const { match, ...place } = hit;
      diagnostics.push({
        ...place,
        severity: 'warning',
        ruleId: rule.ruleId,
        message: `${rule.found} text "${match}" in ${what} of the ${rule.expected} translation ${translation.path}: expected ${rule.expected}; was the other translation pasted here?`,
      });
    }
  }
  return diagnostics;
};
