import type { Insertion } from './plan.js';

/**
 * Inserts chunks of lines between the lines of a file without touching a byte of the existing
 * ones: line ends (LF, CRLF or CR), a BOM, non-NFC text all stay as they were. Each chunk gets a
 * blank line before it, and one after the last chunk when the next line is not blank; a `tight`
 * insertion (list items, table rows) goes in with no blank line.
 */
export function spliceLines(original: string, insertions: readonly Insertion[]): string {
  const lines = original.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  const eol = /\r\n|\r|\n/.exec(original)?.[0] ?? '\n';
  const at = new Map(insertions.filter((i) => !i.tight).map((i) => [i.after, i.chunks]));
  const tight = new Map(insertions.filter((i) => i.tight).map((i) => [i.after, i.chunks]));
  const out: string[] = [];
  for (let index = 0; index <= lines.length; index++) {
    const rows = tight.get(index);
    if (rows && rows.length > 0) {
      // List items and table rows continue their list or table: no blank line around them.
      const previous = out.at(-1);
      if (previous !== undefined && !/[\r\n]$/.test(previous)) out[out.length - 1] = previous + eol;
      out.push(rows.flat().map((line) => line + eol).join(''));
    }
    const chunks = at.get(index);
    if (chunks && chunks.length > 0) {
      const previous = out.at(-1);
      if (previous !== undefined && !/[\r\n]$/.test(previous)) out[out.length - 1] = previous + eol;
      const body = chunks.map((chunk) => chunk.map((line) => line + eol).join('')).join(eol);
      const next = lines[index];
      const before = index === 0 ? '' : eol;
      const after = next !== undefined && next.trim() !== '' ? eol : '';
      out.push(before + body + after);
    }
    const line = lines[index];
    if (line !== undefined) out.push(line);
  }
  return out.join('');
}
