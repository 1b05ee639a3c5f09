const COENG = 0x17d2;
const SHIFTERS = [0x17c9, 0x17ca];
const ROBAT = 0x17cc;

const isConsonant = (c: number) => c >= 0x1780 && c <= 0x17a2;
const isIndependentVowel = (c: number) => c >= 0x17a3 && c <= 0x17b5;
const isDependentVowel = (c: number) => c >= 0x17b6 && c <= 0x17c5;
/** Signs that sit on a syllable: nikahit, reahmuk, yuukaleapintu, bantoc… (not the coeng, shifters or robat). */
const isSign = (c: number) => (c >= 0x17c6 && c <= 0x17d1 && !SHIFTERS.includes(c) && c !== ROBAT) || c === 0x17d3 || c === 0x17dd;
const isKhmerMark = (c: number) => isDependentVowel(c) || isSign(c) || SHIFTERS.includes(c) || c === ROBAT || c === COENG;

export interface OrderProblem {
  /** Index in the line (UTF-16 code units) of the character out of place. */
  index: number;
  char: string;
  problem: string;
}

/**
 * Khmer is stored in one canonical order per syllable: base consonant, subscripts (coeng +
 * consonant), register shifter, one vowel sign, then signs. Text typed in another order may look
 * right in one font and break in another, in search and in line breaking. These are the positions
 * a mark cannot be in, whatever the font.
 */
export function khmerOrderProblems(line: string): OrderProblem[] {
  const problems: OrderProblem[] = [];
  const codes = [...line].map((c) => c.codePointAt(0) ?? 0);
  let index = 0;
  codes.forEach((code, position) => {
    const char = String.fromCodePoint(code);
    const previous = codes[position - 1] ?? 0;
    const next = codes[position + 1] ?? 0;
    const report = (problem: string) => problems.push({ index, char, problem });
    if (code === COENG) {
      if (!isConsonant(next)) report(`found a coeng (U+17D2, subscript marker) followed by ${describe(next)}, expected the consonant it subscripts`);
      else if (!isConsonant(previous) && !isIndependentVowel(previous)) report(`found a subscript (coeng U+17D2) after ${describe(previous)}, expected it right after its base consonant (subscripts come before vowel signs and signs)`);
    } else if (isDependentVowel(code)) {
      if (isDependentVowel(previous)) report(`found two vowel signs in a row (${describe(previous)} then ${describe(code)}), expected one vowel sign per syllable (e.g. ោ U+17C4, not េ + ា)`);
      else if (!isConsonant(previous) && !SHIFTERS.includes(previous) && previous !== ROBAT && !isIndependentVowel(previous)) report(`found the vowel sign ${describe(code)} after ${describe(previous)}, expected it after a consonant (or its subscripts and register shifter)`);
    } else if (SHIFTERS.includes(code)) {
      if (isDependentVowel(previous)) report(`found the register shifter ${describe(code)} after the vowel sign ${describe(previous)}, expected it before the vowel sign`);
      else if (!isConsonant(previous)) report(`found the register shifter ${describe(code)} after ${describe(previous)}, expected it after a consonant`);
    } else if (code === ROBAT) {
      if (!isConsonant(previous)) report(`found robat (U+17CC) after ${describe(previous)}, expected it after its consonant`);
    } else if (isSign(code)) {
      if (!isConsonant(previous) && !isIndependentVowel(previous) && !isKhmerMark(previous)) report(`found the sign ${describe(code)} after ${describe(previous)}, expected it after a Khmer letter or vowel sign`);
    }
    index += char.length;
  });
  return problems;
}

function describe(code: number): string {
  if (code === 0) return 'the start of the line';
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code === 0x20) return 'a space (U+0020)';
  if (code === 0x200b) return 'a zero-width space (U+200B)';
  if (code >= 0x1780 && code <= 0x17ff) return `${hex} ${code >= 0x17b6 && code !== 0x17d4 ? '\u25cc' : ''}${String.fromCodePoint(code)}`;
  return `${hex} "${String.fromCodePoint(code)}"`;
}
