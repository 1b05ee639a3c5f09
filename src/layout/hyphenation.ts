import type { Element, Root, Text } from 'hast';
import hyphen from 'hyphen/en/index.js';
import { SKIP, visitParents } from 'unist-util-visit-parents';

const SOFT_HYPHEN = '\u00AD';
/** Code keeps every character; headings and the contents are not hyphenated, by typographic custom. */
const UNBREAKABLE = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'nav']);

/**
 * Soft hyphens at the dictionary hyphenation points (TeX patterns, the `hyphen` package) in every
 * English text of the print document: Chromium does not hyphenate English itself. Only text whose
 * nearest `lang` is English is touched, so Khmer and Vietnamese never get one.
 */
export function hyphenateEnglish(tree: Root): void {
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'element' && (UNBREAKABLE.has(node.tagName) || isFrontMatter(node))) return SKIP;
    if (node.type !== 'text' || !isEnglish(ancestors)) return;
    (node as Text).value = hyphenateWords(node.value);
  });
}

/**
 * The longest English dictionary words have 45 letters; a longer run of letters is not a word (a
 * pasted hash, a 32,000-letter accident) and its hyphenation would cost seconds to minutes.
 */
export const LONGEST_HYPHENATED_WORD = 64;

/** Words only: e-mail addresses, URLs, anything with a digit and non-words are left whole. */
export function hyphenateWords(text: string): string {
  return text.replace(/[\p{L}\p{M}’'-]{6,}/gu, (word, offset: number) => {
    const before = text[offset - 1] ?? '';
    if (word.length > LONGEST_HYPHENATED_WORD || /[@/.:\d]/.test(before) || /[@/:]/.test(text[offset + word.length] ?? '')) return word;
    // Names and the first word of a sentence stay whole: "Cam-bodia" reads as a misprint.
    if (/^\p{Lu}/u.test(word)) return word;
    return hyphenatedWord(word);
  });
}

/**
 * Words repeat, in a book and from one pass of its layout to the next (a facing edition hyphenates
 * its English three times): each is looked up in the patterns once. Bounded, so that a build
 * process that lives long (watch, preview) does not keep every word it ever saw.
 */
const HYPHENATED = new Map<string, string>();
const HYPHENATED_WORDS_KEPT = 200_000;

function hyphenatedWord(word: string): string {
  let hyphenated = HYPHENATED.get(word);
  if (hyphenated === undefined) {
    hyphenated = hyphen.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 6 });
    if (HYPHENATED.size >= HYPHENATED_WORDS_KEPT) HYPHENATED.clear();
    HYPHENATED.set(word, hyphenated);
  }
  return hyphenated;
}

function isEnglish(ancestors: readonly (Root | Element)[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i];
    const lang = node?.type === 'element' ? node.properties.lang : undefined;
    if (typeof lang === 'string') return lang === 'en' || lang.startsWith('en-');
  }
  return false;
}

/** Half-title and title page lines are short and centred: a break there would be an accident. */
function isFrontMatter(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes('front');
}
