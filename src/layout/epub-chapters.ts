import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Edition } from '../config/schema.js';
import type { EpubChapter } from '../output/epub.js';
import type { RenderContext } from './blocks.js';
import { chapterTitle } from './chapter-parts.js';
import { layoutInterleaved } from './interleaved.js';

const FRONT_MATTER_KINDS = new Set(['title', 'foreword']);

/** One XHTML document per chapter, blocks interleaved, every element that has `lang` also has `xml:lang`. */
export function epubChapters(edition: Edition, context: RenderContext): EpubChapter[] {
  const { book } = context;
  const primary = edition.languages[0] ?? book.sourceLang;
  let bodyStarted = false;
  return book.chapters.map((chapter) => {
    const root: Root = { type: 'root', children: [layoutInterleaved(chapter, edition.languages, context)] };
    visit(root, 'element', (element) => {
      const lang = element.properties.lang;
      if (typeof lang === 'string') element.properties.xmlLang = lang;
    });
    const bodymatter = !bodyStarted && !FRONT_MATTER_KINDS.has(chapter.kind);
    if (bodymatter) bodyStarted = true;
    return {
      title: chapterTitle(chapter, primary, book.sourceLang),
      titles: edition.languages.map((lang) => ({ lang, text: chapterTitle(chapter, lang, book.sourceLang) })),
      lang: primary,
      filename: `${chapter.name.replace(/\.md$/, '').replace(/[^A-Za-z0-9-]/g, '-')}.xhtml`,
      html: toHtml(root, { space: 'html' }),
      bodymatter,
      beforeToc: chapter.kind === 'title',
    };
  });
}
