import type { Diagnostic } from '../diagnostics/index.js';
import { guessLegacyBytes } from '../text/vietnamese/guess-bytes.js';

export interface DecodedText {
  /** NFC text with LF line ends and no BOM. */
  text: string;
  /** The text as decoded, before NFC normalisation (lint reports non-NFC spans against it). */
  raw: string;
  diagnostics: Diagnostic[];
}

/**
 * Turns the bytes of a manuscript file into text. UTF-8 (with or without BOM) is the format;
 * UTF-16 with a BOM is decoded and reported; anything else is a located error, never garbage in a book.
 */
export function decodeManuscript(bytes: Uint8Array, file: string): DecodedText | { error: Diagnostic } {
  const diagnostics: Diagnostic[] = [];
  let raw: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    raw = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    diagnostics.push(utf16Notice(file, 'UTF-16LE'));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    raw = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    diagnostics.push(utf16Notice(file, 'UTF-16BE'));
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { error: byteError(bytes, nul, file, 'encoding-binary', 'a text file, found a NUL byte (binary data or UTF-16 without BOM); save the file as UTF-8') };
    try {
      raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      const found = `valid UTF-8, found byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte offset ${offset}`;
      const legacy = guessLegacyBytes(bytes);
      if (legacy) {
        return { error: byteError(bytes, offset, file, legacy.ruleId, `${found}: the file is Vietnamese in ${legacy.name} ("${legacy.example.word}" reads as "${legacy.example.decoded}"); convert it with ${legacy.conversion.startsWith('iconv') ? `\`${legacy.conversion.replaceAll('FILE', file)}\`` : legacy.conversion}`) };
      }
      return { error: byteError(bytes, offset, file, 'encoding-utf8', `${found}; re-save the file as UTF-8 (from Windows-1252/Latin-1: \`iconv -f WINDOWS-1252 -t UTF-8\`)`) };
    }
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { text: raw.normalize('NFC'), raw, diagnostics };
}

function utf16Notice(file: string, encoding: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'warning', ruleId: 'encoding-utf16', message: `File is ${encoding}; it was decoded, but manuscripts should be saved as UTF-8.` };
}

function byteError(bytes: Uint8Array, offset: number, file: string, ruleId: string, expected: string): Diagnostic {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: offset - lineStart + 1, severity: 'error', ruleId, message: `Expected ${expected}.` };
}

/** Byte offset of the first ill-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}
