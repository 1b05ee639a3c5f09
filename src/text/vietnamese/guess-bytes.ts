import { findLegacyWords, LEGACY_ENCODINGS } from './legacy-encodings.js';

/** The byte encodings a whole file can be in, and how to convert one (VNI has no iconv table). */
const FILE_ENCODINGS: Record<string, { name: string; conversion: string }> = {
  'encoding-tcvn3': { name: 'TCVN3 (ABC)', conversion: 'iconv -f TCVN5712-1 -t UTF-8 FILE > FILE.utf8' },
  'encoding-windows-1258': { name: 'Windows-1258', conversion: 'iconv -f WINDOWS-1258 -t UTF-8 FILE > FILE.utf8' },
  'encoding-vni': { name: 'VNI Windows', conversion: "a Vietnamese converter such as UniKey's (VNI Windows → Unicode)" },
};

export interface LegacyGuess {
  ruleId: string;
  name: string;
  example: { word: string; decoded: string };
  conversion: string;
}

/**
 * For a file that is not UTF-8: whether its bytes are Vietnamese in a legacy 8-bit encoding, judged
 * as the lint rules judge pasted text (bytes shown as Windows-1252, words that decode to syllables).
 */
export function guessLegacyBytes(bytes: Uint8Array): LegacyGuess | undefined {
  const asWindows1252 = [...bytes].map((b) => ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b) ? String.fromCharCode(b) : windows1252.decode(Uint8Array.of(b)))).join('');
  let best: LegacyGuess | undefined;
  let bestCount = 0;
  for (const encoding of LEGACY_ENCODINGS) {
    const file = FILE_ENCODINGS[encoding.ruleId];
    if (!file) continue;
    const words = findLegacyWords(asWindows1252, encoding);
    const first = words[0];
    if (first && words.length > bestCount) {
      bestCount = words.length;
      best = { ruleId: encoding.ruleId, name: file.name, example: { word: first.word, decoded: first.decoded }, conversion: file.conversion };
    }
  }
  return best;
}

const windows1252 = new TextDecoder('windows-1252');
