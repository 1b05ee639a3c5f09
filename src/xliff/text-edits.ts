import { isScalar, parseDocument, Scalar, stringify } from 'yaml';

/** Replace `text[start, end)` with `replacement`: everything outside the range stays byte for byte. */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/** Applies non-overlapping edits (from the end, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`overlapping edits at offset ${edit.start}`);
    out = out.slice(0, edit.start) + edit.replacement + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^---[ \t]*$/m;

/**
 * Edits of front matter values that touch only the value: `title`/`subtitle` (added at the top of
 * the front matter when absent) and already recorded `fingerprints.KEY`. The quoting style of a
 * value is kept when the new text allows it.
 */
export function frontMatterEdits(text: string, fields: ReadonlyMap<string, string>, fingerprints: ReadonlyMap<string, string>): TextEdit[] {
  if (fields.size === 0 && fingerprints.size === 0) return [];
  const opening = OPENING.exec(text);
  const closing = opening ? CLOSING.exec(text.slice(opening[0].length)) : null;
  if (!opening || !closing) {
    const lines = [...fields].map(([key, value]) => `${key}: ${scalarText(value, undefined)}\n`).join('');
    return lines === '' ? [] : [{ start: 0, end: 0, replacement: `---\n${lines}---\n\n` }];
  }
  const offset = opening[0].length;
  const doc = parseDocument(text.slice(offset, offset + closing.index), { keepSourceTokens: false });
  const edits: TextEdit[] = [];
  const inserted: string[] = [];
  for (const [key, value] of fields) {
    const node = doc.get(key, true);
    if (isScalar(node) && node.range) edits.push({ start: offset + node.range[0], end: offset + node.range[1], replacement: scalarText(value, node.type) });
    else inserted.push(`${key}: ${scalarText(value, undefined)}\n`);
  }
  if (inserted.length > 0) edits.push({ start: offset, end: offset, replacement: inserted.join('') });
  for (const [key, hash] of fingerprints) {
    const node = doc.getIn(['fingerprints', key], true);
    if (isScalar(node) && node.range) edits.push({ start: offset + node.range[0], end: offset + node.range[1], replacement: scalarText(hash, node.type) });
  }
  return edits;
}

function scalarText(value: string, type: Scalar['type']): string {
  const preferred = type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? type : Scalar.PLAIN;
  return stringify(value, { defaultStringType: preferred, lineWidth: 0 }).replace(/\n$/, '');
}
