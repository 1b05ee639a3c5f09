import type { Element, Root } from 'hast';
import type { DigitSystem } from '../text/numerals.js';
import { withDigits } from '../text/numerals.js';

/** Elements whose text is code or data, not prose: their digits stay as typed. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'math', 'svg']);

/**
 * Writes the numbers of every element in a language with native digits in those digits (book.yaml
 * `numerals`), for print and EPUB alike; the markdown keeps the Latin digits the translator typed.
 * Only text nodes change, so URLs in `href`, ids and attributes are never touched.
 */
export function renderNumerals(root: Root | Element, digitsByLang: Readonly<Record<string, DigitSystem>>, inherited?: string): void {
  if (!Object.values(digitsByLang).some((d) => d !== 'latin')) return;
  const walk = (node: Root | Element, lang: string | undefined): void => {
    for (const child of node.children) {
      if (child.type === 'text') {
        const digits = lang === undefined ? undefined : digitsByLang[lang];
        if (digits && digits !== 'latin') child.value = withDigits(child.value, digits);
      } else if (child.type === 'element' && !VERBATIM.has(child.tagName)) {
        const own = child.properties.lang;
        walk(child, typeof own === 'string' ? own : lang);
      }
    }
  };
  walk(root, inherited);
}
