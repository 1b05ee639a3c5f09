import type { Diagnostic } from '../diagnostics/index.js';
import { blockText } from '../manuscript/block-state.js';
import { placeOfNode, translationPairs, type LintRule } from './rule.js';
import { translatedParts } from './spans.js';
import { boundedSegments } from '../text/segments.js';

const KHMER_LETTER = /[\u1780-\u17b3]/u;
const words = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * `script-latin-in-km` (warning): a block of a Khmer translation with no Khmer at all but Latin
 * prose, most likely English left untranslated. Names ("Hun Sen"), numbers and dates stay in Latin
 * legitimately, so it takes two lowercase Latin words to count as prose.
 */
export const latinInKhmer: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { translation } of translationPairs(book)) {
    if (translation.lang !== 'km') continue;
    for (const { what, node } of translatedParts(translation)) {
      if (!node || node.type === 'code' || node.type === 'leafDirective') continue;
      const text = blockText(node);
      if (KHMER_LETTER.test(text)) continue;
      const prose = lowercaseWords(text, 4);
      if (prose.length < 2) continue;
      diagnostics.push({
        ...placeOfNode(translation, node),
        severity: 'warning',
        ruleId: 'script-latin-in-km',
        message: `${capitalise(what)} of the Khmer translation ${translation.path} has no Khmer, only Latin text ("${prose.slice(0, 4).join(' ')}…"): expected Khmer (names and numbers may stay in Latin script); translate it or mark it \`:::untranslated\``,
      });
    }
  }
  return diagnostics;
};

/** The first `wanted` lowercase Latin words: enough to tell prose, without walking a huge block twice. */
function lowercaseWords(text: string, wanted: number): string[] {
  const found: string[] = [];
  for (const s of boundedSegments(words, text)) {
    if (s.isWordLike && /^\p{Ll}[\p{L}\p{M}]+$/u.test(s.segment)) found.push(s.segment);
    if (found.length >= wanted) break;
  }
  return found;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
