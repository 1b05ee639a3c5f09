import type { Diagnostic } from '../diagnostics/index.js';
import { perFileRule, type LintRule } from './rule.js';

/** Enough located lines to find the problem; one more line says how many were left out. */
const MAX_PER_FILE = 20;

export interface LineRule {
  ruleId: string;
  /** What is wrong on one line of a file's text: column index (from 0) and message of each. */
  find(line: string): { index: number; message: string }[];
  /** "12 more … in FILE not listed". */
  more(count: number, file: string): string;
}

/** A warning rule that reads a file line by line, at most MAX_PER_FILE findings a file. */
export function lineRule({ ruleId, find, more }: LineRule): LintRule {
  return perFileRule((doc) => {
    const found: Diagnostic[] = [];
    String(doc.file.value)
      .split('\n')
      .forEach((line, lineIndex) => {
        for (const { index, message } of find(line)) {
          found.push({ file: doc.path, line: lineIndex + 1, column: index + 1, severity: 'warning', ruleId, message });
        }
      });
    const listed = found.slice(0, MAX_PER_FILE);
    if (found.length > MAX_PER_FILE) listed.push({ file: doc.path, severity: 'warning', ruleId, message: more(found.length - MAX_PER_FILE, doc.path) });
    return listed;
  });
}
