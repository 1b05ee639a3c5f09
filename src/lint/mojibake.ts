import type { Diagnostic } from '../diagnostics/index.js';
import { findDoubleEncoded, repairWord, type Mojibake } from '../text/vietnamese/double-utf8.js';
import { allDocuments, type LintRule } from './rule.js';

const MAX_LINES_PER_FILE = 20;

/**
 * `encoding-mojibake` (error): text that was UTF-8, was read as Windows-1252 or Latin-1 and saved
 * again ("Viá»‡t" for "Việt", "Ã©" for "é", "â€™" for "’"). Named per line with the repaired word.
 */
export const mojibake: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    const text = String(doc.file.value);
    const lines = text.split('\n');
    const byLine = new Map<number, Mojibake[]>();
    for (const found of findDoubleEncoded(text)) byLine.set(found.line, [...(byLine.get(found.line) ?? []), found]);
    for (const [line, onLine] of [...byLine].slice(0, MAX_LINES_PER_FILE)) {
      const first = onLine[0];
      if (!first) continue;
      const word = wordAt(lines[line - 1] ?? '', first.column - 1);
      diagnostics.push({
        file: doc.path,
        line,
        column: first.column,
        severity: 'error',
        ruleId: 'encoding-mojibake',
        message: `Double-encoded UTF-8 (mojibake): "${word}" is UTF-8 that was read as Windows-1252/Latin-1, expected "${repairWord(word)}" (${onLine.length} garbled character(s) on this line, ${byLine.size} line(s) in ${doc.path}); retype or re-paste it from the original, or undo it for a whole file with \`iconv -f UTF-8 -t WINDOWS-1252 FILE\``,
      });
    }
  }
  return diagnostics;
};

/** The whitespace-delimited word around a column, to show the garbling in context. */
function wordAt(line: string, index: number): string {
  const start = line.slice(0, index).search(/\S*$/);
  const end = line.slice(index).search(/\s|$/);
  return line.slice(start, index + end);
}
