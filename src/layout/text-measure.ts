/**
 * Width estimates for text the build has to fit before Chromium sets it (running heads, the columns'
 * widths, the measure): a character count × an average advance per script, in ems of the font size,
 * line-end space of a ragged measure included. Calibrated on the book's B5 columns PDF (Noto Serif
 * and Noto Serif Khmer at 9.5pt, ragged columns of 40–49 mm): at widths 1 : 1.1 : 0.9 its English,
 * Vietnamese and Khmer columns ran 657, 533 and 652 lines (pdftotext -bbox) for 15,542, 14,436 and
 * 7,799 (+794 Latin) spacing characters of manuscript text. English 0.50 em a character (spaces
 * included), Vietnamese 0.49 em (its marks stack and take no advance), Khmer 0.85 em a spacing
 * character at the Latin size (vowel signs and subscripts, the coeng and the consonant it subscripts,
 * take none). An estimate, not a measurement: it decides, with a margin, whether a running head fits
 * and how wide the columns are; Chromium sets the text.
 */
const LATIN_EM = 0.5;
const VIETNAMESE_EM = 0.49;
const KHMER_EM = 0.85;

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
