import { readFile } from 'node:fs/promises';
import wordListPath from 'word-list';
import type { WordSet } from './hyphenation.js';

let cached: Promise<WordSet> | undefined;

/**
 * The English dictionary for hyphenation repair: `word-list` (MIT, ~274,000 lower-case words from
 * the Letterpress list, no proper nouns: those come from the text itself). Read once, on demand,
 * so that commands other than `import` never pay for its 2.8 MB.
 */
export function englishWords(): Promise<WordSet> {
  cached ??= readFile(wordListPath, 'utf8').then((text) => new Set(text.split('\n').filter(Boolean)));
  return cached;
}
