import iconv from 'iconv-lite';

/**
 * The byte a character stands for when bytes were shown as Windows-1252 (or Latin-1: C1 controls
 * map to themselves): how legacy Vietnamese text pasted from old documents reaches a UTF-8 file.
 */
export function windows1252Byte(char: string): number | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return code;
  const bytes = iconv.encode(char, 'windows1252');
  return bytes.length === 1 && bytes[0] !== 0x3f ? bytes[0] : undefined;
}

/** The bytes of a word seen as Windows-1252 text, or undefined if a character has no such byte. */
export function windows1252Bytes(word: string): Uint8Array | undefined {
  const out: number[] = [];
  for (const char of word) {
    const byte = windows1252Byte(char);
    if (byte === undefined) return undefined;
    out.push(byte);
  }
  return Uint8Array.from(out);
}
