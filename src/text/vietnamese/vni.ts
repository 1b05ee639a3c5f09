const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';

/**
 * VNI Windows writes a Vietnamese letter as its base letter followed by a byte for the diacritics;
 * shown as Windows-1252 those bytes are the Latin-1 letters below ("Vieät" = "Việt").
 */
const MODIFIERS: Record<string, [shape: string, tone: string]> = {
  ù: ['', ACUTE], ø: ['', GRAVE], û: ['', HOOK], õ: ['', TILDE], ï: ['', DOT],
  â: [CIRCUMFLEX, ''], á: [CIRCUMFLEX, ACUTE], à: [CIRCUMFLEX, GRAVE], å: [CIRCUMFLEX, HOOK], ã: [CIRCUMFLEX, TILDE], ä: [CIRCUMFLEX, DOT],
  ê: [BREVE, ''], é: [BREVE, ACUTE], è: [BREVE, GRAVE], ú: [BREVE, HOOK], ü: [BREVE, TILDE], ë: [BREVE, DOT],
};

/** Letters VNI encodes in one byte (ơ, ư, đ and the i / y forms). */
const STANDALONE: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

const VOWELS = 'aeiouyơư';

/** Decodes a word of VNI text seen as Windows-1252; undefined if it holds a character VNI never produces. */
export function decodeVni(word: string): string | undefined {
  const letters: { base: string; shape: string; tone: string }[] = [];
  for (const char of word) {
    const lower = char.toLowerCase();
    const upper = char !== lower;
    const modifier = MODIFIERS[lower];
    const previous = letters.at(-1);
    if (modifier && previous && canTake(previous, modifier)) {
      previous.shape ||= modifier[0];
      previous.tone ||= modifier[1];
      continue;
    }
    const single = STANDALONE[lower];
    if (single !== undefined) {
      letters.push({ base: upper ? single.toUpperCase() : single, shape: '', tone: '' });
      continue;
    }
    if (char.charCodeAt(0) >= 0x80 && !modifier) return undefined;
    letters.push({ base: char, shape: '', tone: '' });
  }
  return letters.map((l) => l.base + l.shape + l.tone).join('').normalize('NFC');
}

function canTake(letter: { base: string; shape: string; tone: string }, [shape, tone]: [string, string]): boolean {
  const base = letter.base.toLowerCase();
  if (!VOWELS.includes(base) || letter.tone !== '') return false;
  if (shape === '') return true;
  if (letter.shape !== '') return false;
  return shape === CIRCUMFLEX ? 'aeo'.includes(base) : base === 'a';
}
