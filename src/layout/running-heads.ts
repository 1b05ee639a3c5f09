import type { PdfEdition } from '../config/schema.js';
import type { AlignedChapter, Book } from '../manuscript/model.js';
import { digitsByLanguage } from '../config/schema.js';
import { withDigits } from '../text/numerals.js';
import { chapterAnchor, chapterTitle } from './chapter-parts.js';
import { pageGeometry } from './page-geometry.js';
import { estimateEms, MM_PER_PT } from './text-measure.js';
import { KHMER_SCALE } from './type-scale.js';

/** The running head's type (print.css sets the same on the margin boxes). */
export const RUNNING_HEAD_PT = 7;
const SEPARATOR = ' · ';

/**
 * Running heads through named pages, one page type per chapter: Chromium does not implement
 * `string-set`, but it does apply `@page NAME:left / :right` rules, so each chapter's rules carry
 * its own title. Versos name the book, rectos the chapter, in the edition's languages; a facing
 * edition's verso in the verso language and its recto in the recto language. A chapter's opening
 * page has none: it has a page type of its own (in a facing edition, both pages of its opening
 * spread; in the flow layouts, its opening title block names the page: src/layout/document.ts). A
 * head that would not fit one line in every language gives the first language's alone; `check`
 * warns of it (`running-head-too-long`) until the chapter has a `short_title`.
 */
export function runningHeadCss(book: Book, chapters: readonly AlignedChapter[], edition: PdfEdition): string {
  const width = pageGeometry(edition).textArea.widthMm;
  // Margin boxes are CSS strings, not text nodes: the numerals pass cannot reach them.
  const digits = digitsByLanguage(book.config);
  const shown = (text: string, lang: string) => withDigits(text, digits[lang] ?? 'latin');
  const [first = book.sourceLang] = edition.languages;
  const bookTitle = oneLine(edition.layout === 'facing' ? [first] : edition.languages, (lang) => shown(book.config.title[lang] ?? '', lang), width);
  return chapters
    .map((chapter) => {
      const name = pageName(chapter);
      const title = oneLine(rectoHeadLanguages(edition, book.sourceLang), (lang) => shown(runningTitle(chapter, lang, book.sourceLang), lang), width);
      const none = '@top-left { content: none; } @top-right { content: none; }';
      return [
        `@page ${name}:left { @top-left { content: ${cssString(bookTitle)}; } }`,
        `@page ${name}:right { @top-right { content: ${cssString(title)}; } }`,
        `@page ${openingPageName(chapter)} { ${none} }`,
      ].join('\n');
    })
    .join('\n');
}

/** The chapter title the running head gives in one language: its `short_title` when it has one. */
export function runningTitle(chapter: AlignedChapter, lang: string, sourceLang: string): string {
  const short = chapter.documents[lang]?.frontMatter.short_title;
  return typeof short === 'string' && short.trim() !== '' ? short : chapterTitle(chapter, lang, sourceLang);
}

/** The languages of a chapter's recto head in an edition: the recto's language in a facing edition. */
export function rectoHeadLanguages(edition: PdfEdition, sourceLang: string): string[] {
  const [first = sourceLang, second = first] = edition.languages;
  return edition.layout === 'facing' ? [second] : [...edition.languages];
}

/**
 * Whether texts set in running-head type, joined by ` · `, fit one line of `widthMm`: estimated
 * from their characters (src/layout/text-measure.ts), the separators an em and a fifth each.
 */
export function fitsRunningHead(parts: readonly { lang: string; text: string }[], widthMm: number): boolean {
  const ems = parts.reduce((sum, p) => sum + estimateEms(p.text, p.lang, p.lang === 'km' ? KHMER_SCALE : 1), 0) + (parts.length - 1) * 1.2;
  return ems * RUNNING_HEAD_PT * MM_PER_PT <= widthMm;
}

/** The languages' texts joined, or the first language's alone when together they would take two lines. */
function oneLine(languages: readonly string[], text: (lang: string) => string, widthMm: number): string {
  const parts = languages.map((lang) => ({ lang, text: text(lang) })).filter((p) => p.text !== '');
  if (fitsRunningHead(parts, widthMm)) return parts.map((p) => p.text).join(SEPARATOR);
  return parts[0]?.text ?? '';
}

/** The page type of a chapter: `chapter-02-asset`; a CSS identifier. */
export function pageName(chapter: AlignedChapter): string {
  return chapterAnchor(chapter).replace(/^ch-/, 'chapter-');
}

/** The page type of a facing chapter's opening spread: both its pages are opening pages. */
export function openingPageName(chapter: AlignedChapter): string {
  return `${pageName(chapter)}-opening`;
}

/**
 * A CSS string literal: quotes and backslashes escaped, and `<` too, so that no title can close the
 * `<style>` element it is printed in.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r\f]/g, (c) => `\\${c.codePointAt(0)?.toString(16)} `)}"`;
}
