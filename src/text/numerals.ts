/**
 * Numbers as a language writes them. Translators type Latin digits with their own language's
 * separators; an edition may show them in the language's native digits. Only digits of numbers in
 * running text change: a digit glued to a Latin letter (A4, COVID-19, B5) or inside a URL or an
 * e-mail address is part of a name, not a number, and stays as typed.
 */
export type DigitSystem = 'latin' | 'khmer';

export interface Separators {
  decimal: string;
  group: string;
}

const DIGIT_ZERO: Record<DigitSystem, number> = { latin: 0x30, khmer: 0x17e0 };

/**
 * CLDR's separators for the book's languages. Node's ICU gives Khmer the English pair, while
 * Khmer print (and CLDR's km locale as the press uses it) writes 2,76 and 1.000 like Vietnamese;
 * other languages come from Intl.
 */
const SEPARATORS: Record<string, Separators> = {
  en: { decimal: '.', group: ',' },
  vi: { decimal: ',', group: '.' },
  km: { decimal: ',', group: '.' },
};

export function defaultSeparators(lang: string): Separators {
  const known = SEPARATORS[lang] ?? SEPARATORS[lang.split('-')[0] ?? ''];
  if (known) return known;
  try {
    const parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
    return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
  } catch {
    return { decimal: '.', group: ',' };
  }
}

/** URLs, e-mail addresses and paths: their digits are never a number's. */
const NOT_PROSE = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+|\S+@\S+\.\S+/giu;

/** A run of digits and inner separators that is not glued to a Latin letter (directly or by - _ /). */
export const NUMBER = /(?<![\p{Script=Latin}_\p{Nd}]|[\p{Script=Latin}\p{Nd}][-_/])\d+(?:[.,\u202F\u00A0]\d+)*(?![\p{Script=Latin}_\p{Nd}])/gu;

/** Calls `each` with every number of running text in `text` (offset and the number as typed). */
export function forEachNumber(text: string, each: (index: number, number: string) => void): void {
  const masked = text.replace(NOT_PROSE, (m) => ' '.repeat(m.length));
  for (const match of masked.matchAll(NUMBER)) each(match.index, match[0]);
}

/** `text` with the Latin digits of its numbers written in `digits`. */
export function withDigits(text: string, digits: DigitSystem): string {
  if (digits === 'latin' || !/\d/.test(text)) return text;
  const zero = DIGIT_ZERO[digits];
  let out = '';
  let last = 0;
  forEachNumber(text, (index, number) => {
    out += text.slice(last, index) + number.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
    last = index + number.length;
  });
  return out + text.slice(last);
}
