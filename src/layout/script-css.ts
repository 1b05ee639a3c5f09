import { fontStack, LATIN, scriptOf, SCRIPTS } from '../text/scripts.js';

/**
 * Typography for the languages of an edition, from the font table (src/text/scripts.ts): every
 * language of a non-Latin script gets its Noto family, and in the EPUB its line height (Latin-script
 * languages need nothing: the document is already set in Noto Serif). The template keeps the last word: a print
 * document puts these rules before print.css (which sets en, vi and km by hand, margin boxes too),
 * and the EPUB leaves out the languages epub.css has a `:lang(xx) { … }` rule for.
 */
export function languageCss(languages: readonly string[], templateCss: string, medium: 'print' | 'epub'): string {
  const added = languages.filter((lang) => scriptOf(lang) !== SCRIPTS[0] && !stylesLanguage(templateCss, lang));
  if (added.length === 0) return '';
  const rules = added.map((lang) => {
    const script = scriptOf(lang);
    const families = [...fontStack(lang).map(quote), ...(medium === 'epub' ? ['serif'] : [])].join(', ');
    // Spaceless scripts break only between dictionary words: never hyphenated, never justified (wide gaps).
    const breaking = script.spaceless ? ' text-align: start; hyphens: none;' : '';
    if (medium === 'epub') return `:lang(${lang}) { font-family: ${families}; line-height: ${script.lineHeight};${breaking} }\n`;
    // Print: fixed leadings (print.css), so every line of a column is as tall as the next; a script
    // taller than Latin takes Khmer's (--leading), on the block that carries its language.
    const tall = script.lineHeight > LATIN.lineHeight ? `[lang="${lang}"] { line-height: calc(var(--leading) * var(--leading-scale)); }\n` : '';
    return `:lang(${lang}) { font-family: ${families};${breaking} }\n${tall}`;
  });
  return rules.join('');
}

/** The families print.css gives its margin boxes. */
const MARGIN_BOX_FAMILIES = ['Noto Serif', 'Noto Serif Khmer'];

/**
 * Margin boxes (folios, running heads) do not inherit the body font, and print.css names only
 * MARGIN_BOX_FAMILIES for them: an edition in another script gets rules, after print.css, that name
 * its families too (a Lao chapter title in a running head is drawn in Noto Serif Lao, not a fallback).
 */
export function marginBoxCss(languages: readonly string[]): string {
  const needed = languages.flatMap(fontStack);
  if (needed.every((family) => MARGIN_BOX_FAMILIES.includes(family))) return '';
  const families = [...new Set([...MARGIN_BOX_FAMILIES, ...needed])].map(quote).join(', ');
  return (['left', 'right'] as const)
    .map((side) => `@page :${side} { @top-${side} { font-family: ${families}; } @bottom-${side} { font-family: ${families}; } }\n`)
    .join('');
}

function stylesLanguage(css: string, lang: string): boolean {
  return new RegExp(`(?:^|[\\s,}]):lang\\(\\s*${lang.replace(/[^a-zA-Z0-9-]/g, '')}\\s*\\)\\s*[,{]`, 'm').test(css);
}

function quote(family: string): string {
  return `'${family}'`;
}
