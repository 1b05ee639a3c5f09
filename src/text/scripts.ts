/**
 * The writing systems a book may be in, and for each the font that sets it in print and EPUB.
 * Fonts are Debian's Noto serif families, so that `font-missing` can name the package to install;
 * every non-Latin family is followed by Noto Serif, which draws the Latin letters and ASCII digits
 * the script's own font lacks (Noto Serif Khmer has neither, PLATFORM.md).
 */
export interface Script {
  /** ISO 15924 code. */
  code: string;
  name: string;
  /** The Noto family that draws this script. */
  family: string;
  /** The Debian package that installs `family`. */
  debianPackage: string;
  /**
   * Written without spaces between words: lines break only where a dictionary (Intl.Segmenter,
   * Chromium's ICU) finds a word boundary, and EPUB text gets U+200B there for reading systems without one.
   */
  spaceless: boolean;
  /** Letters and signs of the script between which a word break may go (never before a digit or punctuation). */
  letters?: RegExp;
  /** Line height for text in this script: stacked marks and subscripts need more than Latin's 1.45. */
  lineHeight: number;
}

export const LATIN: Script = { code: 'Latn', name: 'Latin', family: 'Noto Serif', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.45 };

export const SCRIPTS: readonly Script[] = [
  LATIN,
  { code: 'Khmr', name: 'Khmer', family: 'Noto Serif Khmer', debianPackage: 'fonts-noto-core', spaceless: true, letters: /[\u1780-\u17D3\u17DC\u17DD]/u, lineHeight: 1.85 },
  { code: 'Laoo', name: 'Lao', family: 'Noto Serif Lao', debianPackage: 'fonts-noto-core', spaceless: true, letters: /[\u0E81-\u0ECE\u0EDC-\u0EDF]/u, lineHeight: 1.85 },
  { code: 'Thai', name: 'Thai', family: 'Noto Serif Thai', debianPackage: 'fonts-noto-core', spaceless: true, letters: /[\u0E01-\u0E4E]/u, lineHeight: 1.8 },
  // Sans for Myanmar: Debian's NotoSerifMyanmar-Bold.ttf declares the regular weight (fontconfig 80) like
  // the Regular file, and fontconfig then hands Chromium the Bold for body text.
  { code: 'Mymr', name: 'Myanmar', family: 'Noto Sans Myanmar', debianPackage: 'fonts-noto-core', spaceless: true, letters: /[\u1000-\u103F\u1050-\u109F]/u, lineHeight: 1.9 },
  { code: 'Deva', name: 'Devanagari', family: 'Noto Serif Devanagari', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.7 },
  { code: 'Beng', name: 'Bengali', family: 'Noto Serif Bengali', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.7 },
  { code: 'Taml', name: 'Tamil', family: 'Noto Serif Tamil', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.7 },
  { code: 'Sinh', name: 'Sinhala', family: 'Noto Serif Sinhala', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.7 },
  { code: 'Geor', name: 'Georgian', family: 'Noto Serif Georgian', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.5 },
  { code: 'Armn', name: 'Armenian', family: 'Noto Serif Armenian', debianPackage: 'fonts-noto-core', spaceless: false, lineHeight: 1.5 },
];

/**
 * The script of each language a book may have. Noto Serif also draws Cyrillic and Greek, so those
 * languages are set as Latin ones are. A language not listed is set in Noto Serif: the print font
 * check (`glyph-missing`) then names any character it cannot draw.
 */
const SCRIPT_OF_LANGUAGE: Record<string, string> = {
  km: 'Khmr',
  lo: 'Laoo',
  th: 'Thai',
  my: 'Mymr',
  hi: 'Deva',
  mr: 'Deva',
  ne: 'Deva',
  bn: 'Beng',
  ta: 'Taml',
  si: 'Sinh',
  ka: 'Geor',
  hy: 'Armn',
};

/** Languages init knows to be Latin, Cyrillic or Greek (Noto Serif); any other unlisted one is refused there. */
export const LATIN_FAMILY_LANGUAGES: ReadonlySet<string> = new Set([
  'en', 'vi', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'id', 'ms', 'tl', 'fil', 'sv', 'da', 'nb', 'nn', 'fi', 'pl', 'cs', 'sk', 'sl', 'hr', 'ro', 'hu', 'tr', 'sq', 'et', 'lv', 'lt', 'ga', 'cy', 'sw', 'ru', 'uk', 'bg', 'sr', 'mk', 'el', 'mn', 'kk',
]);

/** The script a language (BCP 47: `th`, `th-TH`) is written in. */
export function scriptOf(lang: string): Script {
  const primary = lang.split('-')[0]?.toLowerCase() ?? lang;
  const code = SCRIPT_OF_LANGUAGE[primary];
  return SCRIPTS.find((script) => script.code === code) ?? LATIN;
}

/** Whether the font table knows the language (init refuses the others rather than guess). */
export function isKnownLanguage(lang: string): boolean {
  const primary = lang.split('-')[0]?.toLowerCase() ?? lang;
  return primary in SCRIPT_OF_LANGUAGE || LATIN_FAMILY_LANGUAGES.has(primary);
}

/** The font stack of a language: its script's family, then Noto Serif for Latin letters and digits. */
export function fontStack(lang: string): string[] {
  const script = scriptOf(lang);
  return script === LATIN ? [LATIN.family] : [script.family, LATIN.family];
}

/** The distinct scripts of some languages, Latin always first (titles, digits and folios are Latin). */
export function scriptsOf(languages: readonly string[]): Script[] {
  return [...new Set([LATIN, ...languages.map(scriptOf)])];
}

/** The Debian package of a family the table knows, if any. */
export function packageOfFamily(family: string): string | undefined {
  return SCRIPTS.find((script) => script.family.toLowerCase() === family.toLowerCase())?.debianPackage;
}
