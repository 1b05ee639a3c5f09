/** Letters, vowels and signs; not digits or punctuation (no break before `។`). */
const KHMER_LETTER = /[\u1780-\u17D3\u17DC\u17DD]/u;
const ZERO_WIDTH_SPACE = '\u200B';
import { boundedSegments } from '../segments.js';

const segmenter = new Intl.Segmenter('km', { granularity: 'word' });

/**
 * Khmer is written without spaces between words. Reading systems without a Khmer dictionary (many
 * e-ink readers) cannot break its lines and let them overflow; a zero-width space between two
 * dictionary words gives them a break opportunity and changes nothing visible elsewhere.
 */
export function khmerWordBreaks(text: string): string {
  let out = '';
  let previous = '';
  for (const { segment } of boundedSegments(segmenter, text)) {
    const last = previous.at(-1) ?? '';
    if (KHMER_LETTER.test(last) && KHMER_LETTER.test(segment[0] ?? '')) out += ZERO_WIDTH_SPACE;
    out += segment;
    previous = segment;
  }
  return out;
}
