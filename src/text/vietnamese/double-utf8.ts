import { windows1252Byte } from './windows-1252.js';

/** A UTF-8 lead byte shown as Windows-1252/Latin-1 (Â…ô), then what could be continuation bytes (0xA0 is a no-break space). */
const CANDIDATE = /[\u00c2-\u00f4](?:[^\s\u0000-\u007f\u00c0-\u00ff]|\u00a0){1,3}/gu;

/** Characters mojibake plausibly hides: Latin letters with diacritics, punctuation, Khmer, combining marks. */
const PLAUSIBLE = /[\u00a0-\u024f\u0300-\u036f\u1780-\u17ff\u19e0-\u19ff\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]/u;

export interface Mojibake {
  line: number;
  column: number;
  /** The garbled characters as found, e.g. "á»‡". */
  found: string;
  /** What they were before being decoded twice, e.g. "ệ". */
  meant: string;
}

/**
 * UTF-8 bytes decoded as Windows-1252 (or Latin-1) and saved again as UTF-8: "Việt" becomes
 * "Viá»‡t". Each candidate is turned back into bytes, which must be exactly one well-formed UTF-8
 * character of a plausible kind; a file needs two such (or one three-byte one) before any counts.
 */
export function findDoubleEncoded(text: string): Mojibake[] {
  const found: Mojibake[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(CANDIDATE)) {
      const meant = undoDoubleEncoding(match[0]);
      if (meant) found.push({ line: index + 1, column: (match.index ?? 0) + 1, found: meant.garbled, meant: meant.char });
    }
  });
  return found.length >= 2 || found.some((m) => m.found.length >= 3) ? found : [];
}

function undoDoubleEncoding(candidate: string): { garbled: string; char: string } | undefined {
  const chars = [...candidate];
  const lead = windows1252Byte(chars[0] ?? '') ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (chars.length < length) return undefined;
  const bytes: number[] = [];
  for (const char of chars.slice(0, length)) {
    const byte = windows1252Byte(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  if (bytes.slice(1).some((b) => b < 0x80 || b > 0xbf)) return undefined;
  let char: string;
  try {
    char = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
  return PLAUSIBLE.test(char) ? { garbled: chars.slice(0, length).join(''), char } : undefined;
}

/** A word with every double-encoded character repaired, for the message ("Viá»‡t" → "Việt"). */
export function repairWord(word: string): string {
  return word.replace(CANDIDATE, (candidate) => {
    const meant = undoDoubleEncoding(candidate);
    return meant ? meant.char + candidate.slice(meant.garbled.length) : candidate;
  });
}
