import type { Diagnostic } from '../diagnostics/index.js';
import { findLegacyWords, LEGACY_ENCODINGS, type LegacyWord } from '../text/vietnamese/legacy-encodings.js';
import { perFileRule, type LintRule } from './rule.js';

/** Enough located lines to find the problem; the count says how far it goes. */
const MAX_LINES_PER_FILE = 20;

/**
 * `encoding-tcvn3`, `encoding-vni`, `encoding-viqr`, `encoding-windows-1258` (errors): Vietnamese
 * written in a pre-Unicode encoding and pasted into the UTF-8 file, which would print as garbage.
 * Each line is named with one garbled word, what it decodes to, and how to convert. When the words
 * of a file decode under two tables, the one that explains far more of them is the encoding.
 */
export const legacyEncodings: LintRule = perFileRule((doc) => {
  const diagnostics: Diagnostic[] = [];
  const text = String(doc.file.value);
  const found = LEGACY_ENCODINGS.map((encoding) => ({ encoding, words: findLegacyWords(text, encoding) }));
  const most = Math.max(...found.map((f) => f.words.length));
  for (const { encoding, words } of found) {
    if (words.length === 0 || words.length * 2 < most) continue;
    const lines = byLine(words);
    for (const [line, onLine] of [...lines].slice(0, MAX_LINES_PER_FILE)) {
      const first = onLine[0];
      if (!first) continue;
      diagnostics.push({
        file: doc.path,
        line,
        column: first.column,
        severity: 'error',
        ruleId: encoding.ruleId,
        message: `Legacy Vietnamese encoding ${encoding.name}: "${first.word}" reads as "${first.decoded}"${onLine.length > 1 ? ` (${onLine.length} such words on this line` : ' (1 such word on this line'}, ${lines.size} line(s) in ${doc.path}); expected Unicode text: ${encoding.hint}`,
      });
    }
  }
  return diagnostics;
});

function byLine(words: readonly LegacyWord[]): Map<number, LegacyWord[]> {
  const lines = new Map<number, LegacyWord[]>();
  for (const word of words) lines.set(word.line, [...(lines.get(word.line) ?? []), word]);
  return lines;
}
