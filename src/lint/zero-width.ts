import { strayZeroWidth } from '../text/zero-width.js';
import { lineRule } from './line-rule.js';
import type { LintRule } from './rule.js';

/**
 * `zero-width-stray` (warning): an invisible U+200B/U+200C/U+200D/U+2060/U+FEFF where none
 * belongs (see src/text/zero-width.ts): inside a Khmer word, in Latin or Vietnamese text, next to
 * a space. It prints as nothing, but breaks a line mid-word, hides a word from search, or makes
 * two identical-looking texts differ.
 */
export const zeroWidth: LintRule = lineRule({
  ruleId: 'zero-width-stray',
  find: (line) =>
    strayZeroWidth(line).map((stray) => ({
      index: stray.index,
      message: `Stray ${stray.name} ${stray.where}: expected zero-width characters only between Khmer words (U+200B) or inside Khmer and emoji sequences (U+200C, U+200D); delete it (most editors show it with "show invisibles")`,
    })),
  more: (count, file) => `${count} more stray zero-width character(s) in ${file} not listed`,
});
