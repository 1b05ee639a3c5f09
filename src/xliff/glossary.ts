import type { Element } from 'xast';
import { x } from 'xastscript';
import type { PlacedTerm } from '../config/glossary-schema.js';
import { GLOSSARY_FILE } from '../config/glossary-load.js';
import { findTerms } from '../text/term-match.js';
import type { InlinePart } from './inline-parts.js';

/**
 * The glossary entries of one unit in the XLIFF 2.0 Glossary module: every term of glossary.yaml
 * whose English form the unit's source contains, with the preferred renderings in the target
 * language as `<gls:translation>` and the notes and forbidden variants as `<gls:definition>`, so a
 * CAT tool shows them beside the segment. Undefined when the unit has none.
 */
export function unitGlossary(source: readonly InlinePart[], terms: readonly PlacedTerm[], trgLang: string): Element | undefined {
  const text = plainText(source);
  const entries = terms.flatMap((term) => {
    const found = findTerms(text, term.source)[0];
    if (!found) return [];
    const renderings = term.translations[trgLang];
    const definition = [
      term.note,
      renderings?.note,
      renderings && renderings.forbidden.length > 0 ? `Do not use: ${renderings.forbidden.join('; ')}.` : undefined,
    ].filter((part): part is string => part !== undefined && part.trim() !== '');
    const translations = (renderings?.preferred ?? []).map((preferred) => x('gls:translation', { source: GLOSSARY_FILE }, preferred));
    // The module wants a translation or a definition in every entry.
    if (translations.length === 0 && definition.length === 0) definition.push(`Term ${term.id} of ${GLOSSARY_FILE}.`);
    return [
      x('gls:glossEntry', { id: term.id }, [
        x('gls:term', { source: `${GLOSSARY_FILE}#${term.id}` }, text.slice(found.index, found.index + found.length).replace(/\s+/gu, ' ')),
        ...translations,
        ...(definition.length > 0 ? [x('gls:definition', { source: GLOSSARY_FILE }, definition.join(' '))] : []),
      ]),
    ];
  });
  return entries.length > 0 ? x('gls:glossary', entries) : undefined;
}

function plainText(parts: readonly InlinePart[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return part.value;
        case 'pc':
          return plainText(part.children);
        case 'ph':
          return ' ';
        default:
          return part satisfies never;
      }
    })
    .join('');
}
