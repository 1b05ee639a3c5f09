import type { AlignedChapter, Book } from '../manuscript/model.js';
import { digitsByLanguage } from '../config/schema.js';
import { withDigits } from '../text/numerals.js';
import { chapterAnchor, chapterTitle } from './chapter-parts.js';

/**
 * Running heads through named pages, one page type per chapter: Chromium does not implement
 * `string-set`, but it does apply `@page NAME:left / :right` rules, so each chapter's rules carry
 * its own title. Versos name the book, rectos the chapter, in the edition's languages.
 */
export function runningHeadCss(book: Book, chapters: readonly AlignedChapter[], languages: readonly string[]): string {
  // Margin boxes are CSS strings, not text nodes: the numerals pass cannot reach them.
  const digits = digitsByLanguage(book.config);
  const shown = (text: string, lang: string) => withDigits(text, digits[lang] ?? 'latin');
  const bookTitle = languages.map((lang) => shown(book.config.title[lang] ?? '', lang)).filter(Boolean).join(' · ');
  return chapters
    .map((chapter) => {
      const name = pageName(chapter);
      const title = languages.map((lang) => shown(chapterTitle(chapter, lang, book.sourceLang), lang)).join(' · ');
      return `@page ${name}:left { @top-left { content: ${cssString(bookTitle)}; } }\n@page ${name}:right { @top-right { content: ${cssString(title)}; } }`;
    })
    .join('\n');
}

/** The page type of a chapter: `chapter-02-asset`; a CSS identifier. */
export function pageName(chapter: AlignedChapter): string {
  return chapterAnchor(chapter).replace(/^ch-/, 'chapter-');
}

/**
 * A CSS string literal: quotes and backslashes escaped, and `<` too, so that no title can close the
 * `<style>` element it is printed in.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r\f]/g, (c) => `\\${c.codePointAt(0)?.toString(16)} `)}"`;
}
