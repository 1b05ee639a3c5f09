import type { Diagnostic } from '../diagnostics/index.js';
import { strayZeroWidth } from '../text/zero-width.js';
import { allDocuments, type LintRule } from './rule.js';

const MAX_PER_FILE = 20;

/**
 * `zero-width-stray` (warning): an invisible U+200B/U+200C/U+200D/U+2060/U+FEFF where none
 * belongs (see src/text/zero-width.ts): inside a Khmer word, in Latin or Vietnamese text, next to
 * a space. It prints as nothing, but breaks a line mid-word, hides a word from search, or makes
 * two identical-looking texts differ.
 */
export const zeroWidth: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    const found: Diagnostic[] = [];
    String(doc.file.value)
      .split('\n')
      .forEach((line, lineIndex) => {
        for (const stray of strayZeroWidth(line)) {
          found.push({
            file: doc.path,
            line: lineIndex + 1,
            column: stray.index + 1,
            severity: 'warning',
            ruleId: 'zero-width-stray',
            message: `Stray ${stray.name} ${stray.where}: expected zero-width characters only between Khmer words (U+200B) or inside Khmer and emoji sequences (U+200C, U+200D); delete it (most editors show it with "show invisibles")`,
          });
        }
      });
    diagnostics.push(...found.slice(0, MAX_PER_FILE));
    if (found.length > MAX_PER_FILE) {
      diagnostics.push({ file: doc.path, severity: 'warning', ruleId: 'zero-width-stray', message: `${found.length - MAX_PER_FILE} more stray zero-width character(s) in ${doc.path} not listed` });
    }
  }
  return diagnostics;
};
