/**
 * Zero-width characters are invisible in every editor, so a stray one is found only when a line
 * breaks in the middle of a word, a search misses, or a font draws a box. They belong in a few
 * places only: U+200B between Khmer words (Khmer has no spaces, so it marks where a line may
 * break), U+200C/U+200D inside Khmer or emoji sequences (they steer shaping). Anywhere else they
 * are paste accidents.
 */
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/gu;
const IS_ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/u;

const NAMES: Record<string, string> = {
  '\u200b': 'zero-width space (U+200B)',
  '\u200c': 'zero-width non-joiner (U+200C)',
  '\u200d': 'zero-width joiner (U+200D)',
  '\u2060': 'word joiner (U+2060)',
  '\ufeff': 'zero-width no-break space (U+FEFF)',
};

const isKhmerLetter = (c: string) => /[\u1780-\u17b3\u17d4-\u17dc\u17e0-\u17e9]/u.test(c);
/** A vowel sign, coeng or sign: `khmer-order` already reports a zero-width character before one. */
const isKhmerMark = (c: string) => /[\u17b4-\u17d3\u17dd]/u.test(c);
const isEmoji = (c: string) => /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}\ufe0f]/u.test(c);

const khmerWords = new Intl.Segmenter('km', { granularity: 'word' });

export interface StrayZeroWidth {
  /** Index in the line (UTF-16 code units). */
  index: number;
  name: string;
  /** Why it does not belong there, e.g. "inside the word "អ្នក"". */
  where: string;
}

/** Zero-width characters of one line that sit where none belongs. */
export function strayZeroWidth(line: string): StrayZeroWidth[] {
  const found: StrayZeroWidth[] = [];
  for (const match of line.matchAll(ZERO_WIDTH)) {
    const index = match.index;
    const char = match[0];
    const before = codePointBefore(line, index);
    const after = codePointAt(line, index + 1);
    const where = misplacement(line, index, char, before, after);
    if (where) found.push({ index, name: NAMES[char] ?? char, where });
  }
  return found;
}

function misplacement(line: string, index: number, char: string, before: string, after: string): string | undefined {
  if (isKhmerMark(after)) return undefined;
  if (before === '' || after === '' || /\s/u.test(before) || /\s/u.test(after)) return 'next to a space or a line end, where it does nothing';
  if (IS_ZERO_WIDTH.test(after) || IS_ZERO_WIDTH.test(before)) return 'next to another zero-width character';
  if (char === '\u200d' && isEmoji(before) && isEmoji(after)) return undefined;
  if (/[\u1780-\u17ff]/u.test(before) && isKhmerLetter(after)) {
    if (char !== '\u200b') return char === '\u200c' || char === '\u200d' ? undefined : `between Khmer letters, where ${NAMES['\u200b'] ?? ''} is the word separator`;
    const word = khmerWordAcross(line, index);
    return word ? `inside the Khmer word "${word}" (a line could break there)` : undefined;
  }
  return `between "${before}" and "${after}", in ${/[\u1780-\u17ff]/u.test(before + after) ? 'mixed' : 'non-Khmer'} text where it only breaks words and searches`;
}

function codePointAt(line: string, index: number): string {
  const code = line.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function codePointBefore(line: string, index: number): string {
  if (index <= 0) return '';
  const low = line.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? line.slice(index - 2, index) : line.charAt(index - 1);
}

/** No Khmer word is longer than this: the dictionary looks at a window, not at a whole 100 KB line. */
const KHMER_WINDOW = 64;
const KHMER_RUN = /[\u1780-\u17ff\u200b-\u200d]/u;

/** The dictionary word the zero-width space at `index` splits, or undefined when it sits between words. */
function khmerWordAcross(line: string, index: number): string | undefined {
  let start = index;
  while (start > 0 && index - start < KHMER_WINDOW && KHMER_RUN.test(line[start - 1] ?? '')) start--;
  let end = index;
  while (end < line.length && end - index < KHMER_WINDOW && KHMER_RUN.test(line[end] ?? '')) end++;
  const run = line.slice(start, end);
  const at = line.slice(start, index).replace(/[\u200b-\u200d]/gu, '').length;
  const stripped = run.replace(/[\u200b-\u200d]/gu, '');
  for (const segment of khmerWords.segment(stripped)) {
    if (segment.index < at && segment.index + segment.segment.length > at) return segment.segment;
  }
  return undefined;
}
