import { boundedSegments } from '../text/segments.js';

const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Words as a reader of the language counts them: Intl.Segmenter finds Khmer words (written without
 * spaces) with ICU's dictionary; a Vietnamese "word" is a syllable, as Vietnamese word counts go.
 */
export function countWords(text: string, lang: string): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  let count = 0;
  for (const segment of boundedSegments(segmenter, text)) if (segment.isWordLike) count++;
  return count;
}
