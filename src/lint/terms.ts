import type { PlacedTerm } from '../config/glossary-schema.js';
import { GLOSSARY_FILE } from '../config/glossary-load.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { findTerms } from '../text/term-match.js';
import { formatLocation, type LintRule } from './rule.js';
import { alignedTexts } from './term-units.js';

/**
 * `term-missing` (warning): the English of a unit has a glossary term and its translation none of
 * the preferred renderings (a paraphrase may be right, so it does not stop a build).
 * `term-forbidden` (error): a translation uses a variant the glossary forbids, such as a wrong
 * title or a misspelt name, which a commemorative edition cannot print.
 */
export const glossaryTerms: LintRule = (book) => {
  const terms = book.glossary ?? [];
  if (terms.length === 0) return [];
  const diagnostics: Diagnostic[] = [];
  for (const { pair, english, translation } of alignedTexts(book)) {
    if (!translation) continue;
    const englishPlace = english?.placeAt(0);
    for (const term of terms) {
      const renderings = term.translations[pair.lang];
      if (!renderings) continue;
      const preferred = findTerms(translation.text, renderings.preferred);
      const expected = expectedForms(renderings.preferred);
      for (const variant of findTerms(translation.text, renderings.forbidden)) {
        // A forbidden variant may be part of a preferred rendering; only a free-standing one is wrong.
        if (preferred.some((p) => variant.index >= p.index && variant.index + variant.length <= p.index + p.length)) continue;
        const found = translation.text.slice(variant.index, variant.index + variant.length);
        diagnostics.push({
          ...translation.placeAt(variant.index),
          severity: 'error',
          ruleId: 'term-forbidden',
          message: `Forbidden rendering “${found}” of term \`${term.id}\` (“${term.source[0] ?? ''}”, ${glossaryPlace(term)})${englishPlace ? ` for the English at ${formatLocation(englishPlace)}` : ''}: expected ${expected}`,
          ...(englishPlace ? { related: englishPlace } : {}),
        });
      }
      if (!english || renderings.preferred.length === 0 || preferred.length > 0) continue;
      const inEnglish = findTerms(english.text, term.source)[0];
      if (!inEnglish) continue;
      const sourcePlace = english.placeAt(inEnglish.index);
      diagnostics.push({
        ...translation.placeAt(0),
        severity: 'warning',
        ruleId: 'term-missing',
        message: `The English at ${formatLocation(sourcePlace)} has “${english.text.slice(inEnglish.index, inEnglish.index + inEnglish.length)}” (term \`${term.id}\`, ${glossaryPlace(term)}) but this ${pair.lang} text has none of its renderings: expected ${expected}`,
        related: sourcePlace,
      });
    }
  }
  return diagnostics;
};

function glossaryPlace(term: PlacedTerm): string {
  return `${GLOSSARY_FILE}:${term.line}`;
}

function expectedForms(forms: readonly string[]): string {
  if (forms.length === 0) return 'none of the forbidden variants (the glossary names no preferred rendering)';
  return forms.map((f) => `“${f}”`).join(' or ');
}
