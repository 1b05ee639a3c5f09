import type { Diagnostic } from '../diagnostics/index.js';
import { allDocuments, type LintRule } from './rule.js';

/** A base character with the combining marks that follow it: the unit NFC composes. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * `text-not-nfc` (warning): the file on disk is not in Unicode NFC (typically Vietnamese typed as
 * base letters plus combining marks, or pasted from a Mac). The book normalises it for output, but
 * search, diff and fingerprints of the raw file disagree, so it is reported once per file at the
 * first such character, with how many lines have one.
 */
export const textNotNfc: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    const raw = doc.file.data.raw;
    if (typeof raw !== 'string' || raw.normalize('NFC') === raw) continue;
    const lines = raw.split('\n');
    let first: { line: number; column: number; cluster: string } | undefined;
    let count = 0;
    lines.forEach((text, index) => {
      if (text.normalize('NFC') === text) return;
      count++;
      if (first) return;
      for (const match of text.matchAll(CLUSTER)) {
        if (match[0].normalize('NFC') !== match[0]) {
          first = { line: index + 1, column: (match.index ?? 0) + 1, cluster: match[0] };
          break;
        }
      }
    });
    if (!first) continue;
    diagnostics.push({
      file: doc.path,
      line: first.line,
      column: first.column,
      severity: 'warning',
      ruleId: 'text-not-nfc',
      message: `Text is not in Unicode NFC: "${first.cluster.normalize('NFC')}" is written as ${codePoints(first.cluster)}, expected ${codePoints(first.cluster.normalize('NFC'))} (${count} line(s) of ${doc.path} affected); it is normalised for the book, but save the file as NFC, e.g. \`uconv -x any-nfc -o FIXED.md ${doc.path}\` (icu-devtools)`,
    });
  }
  return diagnostics;
};

function codePoints(text: string): string {
  return [...text].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

declare module 'vfile' {
  interface DataMap {
    /** The decoded text before NFC normalisation (BOM removed, LF line ends). */
    raw: string;
  }
}
