import { khmerOrderProblems } from '../text/khmer/canonical-order.js';
import { lineRule } from './line-rule.js';
import type { LintRule } from './rule.js';

/**
 * `khmer-order` (warning): Khmer marks in a position the canonical order does not allow (a coeng
 * not followed by a consonant, a vowel sign with no consonant before it, two vowel signs in a row,
 * a register shifter after the vowel…). Chromium may still draw it, but fonts, search and line
 * breaking disagree: retype the syllable in order.
 */
export const khmerOrder: LintRule = lineRule({
  ruleId: 'khmer-order',
  find: (line) =>
    /[\u1780-\u17ff]/u.test(line)
      ? khmerOrderProblems(line).map((problem) => ({
          index: problem.index,
          message: `Khmer not in canonical order in "${syllableAround(line, problem.index)}": ${problem.problem}; retype the syllable in order`,
        }))
      : [],
  more: (count, file) => `${count} more Khmer ordering problem(s) in ${file} not listed`,
});

/** The Khmer run around a position, so the message shows the syllable in question. */
function syllableAround(line: string, index: number): string {
  const before = line.slice(0, index).match(/[\u1780-\u17ff\u200b-\u200d]*$/u)?.[0] ?? '';
  const after = line.slice(index).match(/^[\u1780-\u17ff\u200b-\u200d]*/u)?.[0] ?? '';
  return (before.slice(-6) + after.slice(0, 6)).replace(/\u200b/g, '');
}
