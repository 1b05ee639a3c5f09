/** VIQR types diacritics as ASCII after the vowel: shape (^ ( +) then tone (' ` ? ~ .); dd is đ. */
const SHAPES: Record<string, { mark: string; bases: string }> = {
  '^': { mark: '\u0302', bases: 'aeo' },
  '(': { mark: '\u0306', bases: 'a' },
  '+': { mark: '\u031b', bases: 'ou' },
};
const TONES: Record<string, string> = { "'": '\u0301', '`': '\u0300', '?': '\u0309', '~': '\u0303', '.': '\u0323' };
const VOWELS = 'aeiouy';

/** Text a VIQR word is found in: letters and the VIQR marks, starting with a letter. */
export const VIQR_WORD = /[A-Za-z][A-Za-z^(+'`?~.]*/g;

/** Decodes one VIQR word ("Vie^.t" → "Việt"). */
export function decodeViqr(word: string): string {
  const letters: { base: string; shape: string; tone: string }[] = [];
  const chars = [...word];
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index] ?? '';
    const previous = letters.at(-1);
    if (index === 0 && /d/i.test(char) && /d/i.test(chars[1] ?? '')) {
      letters.push({ base: char === 'D' ? 'Đ' : 'đ', shape: '', tone: '' });
      index++;
      continue;
    }
    const shape = SHAPES[char];
    if (shape && previous && previous.shape === '' && previous.tone === '' && shape.bases.includes(previous.base.toLowerCase())) {
      previous.shape = shape.mark;
      continue;
    }
    const tone = TONES[char];
    if (tone && previous && previous.tone === '' && VOWELS.includes(previous.base.toLowerCase())) {
      previous.tone = tone;
      continue;
    }
    letters.push({ base: char, shape: '', tone: '' });
  }
  return letters.map((l) => l.base + l.shape + l.tone).join('').normalize('NFC');
}

/** Marks that never occur in English words: a circumflex, breve or horn after its vowel, or a leading dd. */
export function hasStrongViqrMark(word: string): boolean {
  return /[aeo]\^|a\(|[ou]\+|^dd/i.test(word);
}
