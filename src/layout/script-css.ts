import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fontStack, scriptOf, SCRIPTS } from '../text/scripts.js';

/**
 * Typography for the languages a template does not style itself, from the font table
 * (src/text/scripts.ts): a template's own `:lang(xx) { … }` rule wins (print.css sets en, vi and km
 * by hand), every other language of a non-Latin script gets its Noto family and line height.
 * Latin-script languages need nothing: the document is already set in Noto Serif.
 */
export function languageCss(languages: readonly string[], templateCss: string, medium: 'print' | 'epub'): string {
  const added = languages.filter((lang) => scriptOf(lang) !== SCRIPTS[0] && !stylesLanguage(templateCss, lang));
  if (added.length === 0) return '';
  const rules = added.map((lang) => {
    const script = scriptOf(lang);
    const families = [...fontStack(lang).map(quote), ...(medium === 'epub' ? ['serif'] : [])].join(', ');
    // Spaceless scripts break only between dictionary words: never hyphenated, never justified (wide gaps).
    const breaking = script.spaceless ? ' text-align: start; hyphens: none;' : '';
    return `:lang(${lang}) { font-family: ${families}; line-height: ${script.lineHeight};${breaking} }\n`;
  });
  if (medium === 'print') rules.push(marginBoxFonts(languages));
  return rules.join('');
}

/** Margin boxes (folios, running heads) do not inherit the body font: they name every family of the edition. */
function marginBoxFonts(languages: readonly string[]): string {
  const families = [...new Set(['Noto Serif', 'Noto Serif Khmer', ...languages.flatMap(fontStack)])].map(quote).join(', ');
  return (['left', 'right'] as const)
    .map((side) => `@page :${side} { @top-${side} { font-family: ${families}; } @bottom-${side} { font-family: ${families}; } }\n`)
    .join('');
}

/** The print template's text, read for each document so that an edited house style is seen by `build --watch`. */
export function printTemplateCss(templatesDir: string): string {
  try {
    return readFileSync(path.join(templatesDir, 'print.css'), 'utf8');
  } catch {
    return '';
  }
}

function stylesLanguage(css: string, lang: string): boolean {
  return new RegExp(`(?:^|[\\s,}]):lang\\(\\s*${lang.replace(/[^a-zA-Z0-9-]/g, '')}\\s*\\)\\s*[,{]`, 'm').test(css);
}

function quote(family: string): string {
  return `'${family}'`;
}
