import iconv from 'iconv-lite';
import { hasVietnameseDiacritic, isVietnameseSyllable } from './syllable.js';
import { decodeViqr, hasStrongViqrMark, VIQR_WORD } from './viqr.js';
import { decodeVni } from './vni.js';
import { windows1252Byte, windows1252Bytes } from './windows-1252.js';

/** A pre-Unicode way of writing Vietnamese, as it looks once pasted into a UTF-8 file. */
export interface LegacyEncoding {
  ruleId: string;
  name: string;
  /** Words of a line as this encoding would have produced them. */
  words: RegExp;
  decode(word: string): string | undefined;
  /** Evidence no ordinary text has (VIQR only: its marks are ASCII punctuation). */
  strong?(word: string): boolean;
  /**
   * Byte tables map ASCII to itself: a word of ASCII letters alone is never garbled by them, and
   * skipping it before decoding is most of the rule's time on an English manuscript.
   */
  asciiIsItself?: boolean;
  hint: string;
}

const LATIN1_WORD = /[A-Za-z\u00a1-\u00ff]+/g;

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = [
  {
    ruleId: 'encoding-tcvn3',
    name: 'TCVN3 (ABC, the .VnTime fonts)',
    words: LATIN1_WORD,
    asciiIsItself: true,
    decode: (word) => {
      let out = '';
      for (const char of word) {
        const byte = windows1252Byte(char);
        if (byte === undefined) return undefined;
        if (byte < 0x80) out += char;
        else if (byte >= 0xa1 && byte <= 0xfe) out += iconv.decode(Buffer.from([byte]), 'tcvn');
        else return undefined;
      }
      return out.normalize('NFC');
    },
    hint: 'convert it to Unicode, e.g. a whole file with `iconv -f UTF-8 -t WINDOWS-1252 FILE | iconv -f TCVN5712-1 -t UTF-8`, or a passage with UniKey\'s converter (TCVN3 → Unicode)',
  },
  {
    ruleId: 'encoding-vni',
    name: 'VNI Windows',
    words: /[A-Za-z\u00c0-\u00ff]+/g,
    asciiIsItself: true,
    decode: decodeVni,
    hint: 'convert it to Unicode with a Vietnamese converter such as UniKey\'s (VNI Windows → Unicode); iconv has no VNI table',
  },
  {
    ruleId: 'encoding-viqr',
    name: 'VIQR (diacritics typed as ASCII marks)',
    words: VIQR_WORD,
    decode: decodeViqr,
    strong: hasStrongViqrMark,
    hint: 'convert it to Unicode with a Vietnamese converter such as UniKey\'s (VIQR → Unicode), or retype it with a Unicode Vietnamese keyboard',
  },
  {
    ruleId: 'encoding-windows-1258',
    name: 'Windows-1258 read as Windows-1252/Latin-1',
    words: /[A-Za-z\u00c0-\u00ff]+/g,
    asciiIsItself: true,
    decode: (word) => {
      const bytes = windows1252Bytes(word);
      return bytes ? iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC') : undefined;
    },
    hint: 'convert it to Unicode, e.g. a whole file with `iconv -f UTF-8 -t WINDOWS-1252 FILE | iconv -f WINDOWS-1258 -t UTF-8`',
  },
];

export interface LegacyWord {
  line: number;
  column: number;
  word: string;
  decoded: string;
  strong: boolean;
}

/**
 * Words that are not Vietnamese as written but become a Vietnamese syllable with a diacritic when
 * decoded with `encoding`: the signature of legacy text. A file needs two such words (and for VIQR
 * one with a mark English never has) before any is reported, so a stray "naïve" stays quiet. Words
 * without an ASCII letter are left out: every legacy syllable but a bare vowel has one.
 */
export function findLegacyWords(text: string, encoding: LegacyEncoding): LegacyWord[] {
  const found: LegacyWord[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(encoding.words)) {
      const word = match[0].replace(/[.?]+$/, (tail) => (encoding.strong ? tail.slice(1) : tail));
      // A word needs an ASCII letter: lone symbols (« » in Khmer and French quotes) decode to a bare vowel.
      if (!/[A-Za-z]/.test(word)) continue;
      if (encoding.asciiIsItself && !/[^\x00-\x7f]/.test(word)) continue;
      const decoded = encoding.decode(word);
      if (decoded === undefined || decoded === word || isVietnameseSyllable(word)) continue;
      if (!isVietnameseSyllable(decoded) || !hasVietnameseDiacritic(decoded)) continue;
      found.push({ line: index + 1, column: (match.index ?? 0) + 1, word, decoded, strong: encoding.strong?.(word) ?? true });
    }
  });
  return found.length >= 2 && found.some((w) => w.strong) ? found : [];
}
