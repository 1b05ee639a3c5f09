import { boundedSegments } from './segments.js';
import { scriptOf } from './scripts.js';

const ZERO_WIDTH_SPACE = '\u200B';
const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Khmer, Lao, Thai and Myanmar are written without spaces between words. Reading systems without
 * a dictionary for them (many e-ink readers) cannot break their lines and let them overflow; a
 * zero-width space between two dictionary words (Intl.Segmenter, ICU) gives them a break
 * opportunity and changes nothing visible elsewhere. Text in a script with spaces is returned as is.
 */
export function dictionaryWordBreaks(text: string, lang: string): string {
  const { spaceless, letters } = scriptOf(lang);
  if (!spaceless || !letters) return text;
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  let out = '';
  let previous = '';
  // In bounded pieces: on Node 20 segmenting a whole long paragraph costs the square of its length.
  for (const { segment } of boundedSegments(segmenter, text)) {
    const last = previous.at(-1) ?? '';
    if (letters.test(last) && letters.test(segment[0] ?? '')) out += ZERO_WIDTH_SPACE;
    out += segment;
    previous = segment;
  }
  return out;
}

/** Whether a language's script is written without spaces, so its EPUB text gets dictionary word breaks. */
export function needsWordBreaks(lang: string): boolean {
  return scriptOf(lang).spaceless;
}
