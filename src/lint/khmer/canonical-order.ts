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
      if (!isConsonant(next)) report(`a coeng (U+17D2, subscript marker) must be followed by the consonant it subscripts, found ${describe(next)}`);
      else if (!isConsonant(previous) && !isIndependentVowel(previous)) report(`a subscript consonant (coeng U+17D2) must come right after its base consonant, found it after ${describe(previous)}; type subscripts before vowel signs and signs`);
    } else if (isDependentVowel(code)) {
      if (isDependentVowel(previous)) report(`two vowel signs in a row (${describe(previous)} then ${describe(code)}); a syllable has one vowel sign (e.g. ោ U+17C4, not េ + ា)`);
      else if (!isConsonant(previous) && !SHIFTERS.includes(previous) && previous !== ROBAT && !isIndependentVowel(previous)) report(`the vowel sign ${describe(code)} must follow a consonant (or its subscripts and register shifter), found ${describe(previous)}`);
    } else if (SHIFTERS.includes(code)) {
      if (isDependentVowel(previous)) report(`the register shifter ${describe(code)} must come before the vowel sign ${describe(previous)}`);
      else if (!isConsonant(previous)) report(`the register shifter ${describe(code)} must follow a consonant, found ${describe(previous)}`);
    } else if (code === ROBAT) {
      if (!isConsonant(previous)) report(`robat (U+17CC) must follow its consonant, found ${describe(previous)}`);
    } else if (isSign(code)) {
      if (!isConsonant(previous) && !isIndependentVowel(previous) && !isKhmerMark(previous)) report(`the sign ${describe(code)} must follow a Khmer letter or vowel sign, found ${describe(previous)}`);
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
