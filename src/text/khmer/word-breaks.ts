import { dictionaryWordBreaks } from '../word-breaks.js';

/**
 * Khmer is written without spaces between words: U+200B between dictionary words lets reading
 * systems without a Khmer dictionary break its lines. The same rule serves every spaceless script
 * (src/text/word-breaks.ts).
 */
export function khmerWordBreaks(text: string): string {
  return dictionaryWordBreaks(text, 'km');
}
