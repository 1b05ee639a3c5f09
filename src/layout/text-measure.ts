/**
 * Width estimates for text the build has to fit before Chromium sets it (running heads, the measure
 * of a column): a character count × an average advance per script, in ems of the font size. The
 * advances were measured from the book's interleaved A5 PDF (pdftotext -bbox: the median of line
 * width ÷ spacing characters over 840 lines, Noto Serif and Noto Serif Khmer at 9.5pt): running text
 * of English averages 0.45 em a character (spaces included), Vietnamese 0.51 em (its marks stack and
 * take no advance, but its words are short), Khmer 0.78 em a spacing character at the Latin size
 * (vowel signs and subscripts, the coeng and the consonant it subscripts, take none). An estimate, not a measurement: it decides, with a margin, whether a
 * running head fits and where the measure is short; Chromium sets the text.
 */
const LATIN_EM = 0.45;
const VIETNAMESE_EM = 0.51;
const KHMER_EM = 0.78;

/** The characters of `text` that take an advance: combining marks, the Khmer coeng and its subscript do not. */
export function spacingCharacters(text: string): { latin: number; khmer: number } {
  let latin = 0;
  let khmer = 0;
  const chars = [...text.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '\u17D2') {
      i++; // the coeng and the consonant under it
      continue;
    }
    if (/\p{M}/u.test(c) || /[\u200B-\u200D]/.test(c)) continue;
    if (/[\u1780-\u17FF\u19E0-\u19FF]/.test(c)) khmer++;
    else latin++;
  }
  return { latin, khmer };
}

/** Estimated width of `text` in ems of its font size; Khmer at `khmerScale` times the Latin size. */
export function estimateEms(text: string, lang: string, khmerScale = 1): number {
  const { latin, khmer } = spacingCharacters(text);
  return latin * (lang === 'vi' ? VIETNAMESE_EM : LATIN_EM) + khmer * KHMER_EM * khmerScale;
}

/** Average advance of a character of running text in `lang`, in ems (for the characters per line of a measure). */
export function averageAdvanceEms(lang: string, khmerScale = 1): number {
  if (lang === 'km') return KHMER_EM * khmerScale;
  return lang === 'vi' ? VIETNAMESE_EM : LATIN_EM;
}

export const MM_PER_PT = 25.4 / 72;
