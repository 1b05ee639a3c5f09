import type { Diagnostic } from '../diagnostics/index.js';
import { khmerOrderProblems } from '../text/khmer/canonical-order.js';
import { perFileRule, type LintRule } from './rule.js';

const MAX_PER_FILE = 20;

/**
 * `khmer-order` (warning): Khmer marks in a position the canonical order does not allow (a coeng
 * not followed by a consonant, a vowel sign with no consonant before it, two vowel signs in a row,
 * a register shifter after the vowel…). Chromium may still draw it, but fonts, search and line
 * breaking disagree: retype the syllable in order.
 */
export const khmerOrder: LintRule = perFileRule((doc) => {
  const diagnostics: Diagnostic[] = [];
  const found: Diagnostic[] = [];
  String(doc.file.value)
    .split('\n')
    .forEach((line, lineIndex) => {
      if (!/[\u1780-\u17ff]/u.test(line)) return;
      for (const problem of khmerOrderProblems(line)) {
        found.push({
          file: doc.path,
          line: lineIndex + 1,
          column: problem.index + 1,
          severity: 'warning',
          ruleId: 'khmer-order',
          message: `Khmer not in canonical order in "${syllableAround(line, problem.index)}": ${problem.problem}; retype the syllable in order`,
        });
      }
    });
  diagnostics.push(...found.slice(0, MAX_PER_FILE));
  if (found.length > MAX_PER_FILE) {
    diagnostics.push({ file: doc.path, severity: 'warning', ruleId: 'khmer-order', message: `${found.length - MAX_PER_FILE} more Khmer ordering problem(s) in ${doc.path} not listed` });
  }
  return diagnostics;
});

/** The Khmer run around a position, so the message shows the syllable in question. */
function syllableAround(line: string, index: number): string {
  const before = line.slice(0, index).match(/[\u1780-\u17ff\u200b-\u200d]*$/u)?.[0] ?? '';
  const after = line.slice(index).match(/^[\u1780-\u17ff\u200b-\u200d]*/u)?.[0] ?? '';
  return (before.slice(-6) + after.slice(0, 6)).replace(/\u200b/g, '');
}
