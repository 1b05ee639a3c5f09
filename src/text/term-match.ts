/**
 * Where glossary forms occur in a text. Forms match case-insensitively (Unicode case folding) and
 * across line wraps; a form that starts or ends with a letter of a script that separates words by
 * spaces must not touch another letter there ("Year" is not in "Yearly"). Khmer writes no spaces
 * between words, so a Khmer edge needs no boundary.
 */
export interface TermMatch {
  /** Offset in the searched text. */
  index: number;
  length: number;
  form: string;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';
const KHMER = /\p{Script=Khmer}/u;

const patterns = new Map<string, RegExp>();

export function termPattern(form: string): RegExp {
  let pattern = patterns.get(form);
  if (!pattern) {
    const nfc = form.normalize('NFC');
    const body = nfc
      .trim()
      .split(/\s+/u)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const first = nfc.trim().charAt(0);
    const last = [...nfc.trim()].at(-1) ?? '';
    const before = KHMER.test(first) ? '' : `(?<!${WORD_CHAR})`;
    const after = KHMER.test(last) ? '' : `(?!${WORD_CHAR})`;
    pattern = new RegExp(`${before}${body}${after}`, 'giu');
    patterns.set(form, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Every occurrence of any of `forms` in `text` (NFC), in text order, overlapping ones dropped. */
export function findTerms(text: string, forms: readonly string[]): TermMatch[] {
  const found: TermMatch[] = [];
  for (const form of forms) {
    for (const match of text.matchAll(termPattern(form))) found.push({ index: match.index, length: match[0].length, form });
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: TermMatch[] = [];
  for (const match of found) {
    const previous = kept.at(-1);
    if (!previous || match.index >= previous.index + previous.length) kept.push(match);
  }
  return kept;
}
