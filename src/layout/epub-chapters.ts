import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root, Text } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { toXast } from 'hast-util-to-xast';
import { visit, SKIP } from 'unist-util-visit';
import { toXml } from 'xast-util-to-xml';
import { digitsByLanguage, type EpubEdition } from '../config/schema.js';
import type { EpubChapter } from './epub-chapter.js';
import { dictionaryWordBreaks, needsWordBreaks } from '../text/word-breaks.js';
import { linkAcrossDocuments } from './epub-links.js';
import type { RenderContext } from './blocks.js';
import { chapterTitle } from './chapter-parts.js';
import { scopeBlockIds } from './epub-ids.js';
import { insertPageBreaks, type PageListEntry, type PrintPages } from './epub-page-breaks.js';
import { layoutInterleaved } from './interleaved.js';
import { renderNumerals } from './numerals.js';
import { withDigits } from '../text/numerals.js';

const FRONT_MATTER_KINDS = new Set(['title', 'foreword']);

/** An image a chapter shows: the book file it comes from and its name inside the EPUB. */
export interface EpubImage {
  file: string;
  href: string;
}

export interface EpubContent {
  chapters: EpubChapter[];
  images: EpubImage[];
  /** Every character the chapters show, for cutting the embedded fonts down to them. */
  text: string;
  /** One entry per page of the print edition the page breaks come from; empty without one. */
  pageList: PageListEntry[];
}

export interface EpubLayoutOptions {
  /** Insert U+200B between the words of Khmer, Lao, Thai, Myanmar (reading systems without their dictionary). */
  khmerWordBreaks: boolean;
  /** Where the print edition named by `pageBreaksFrom` put each anchor: page-break markers go there. */
  printPages?: PrintPages | undefined;
}

/**
 * One XHTML document per chapter, blocks interleaved, every element that has `lang` also has
 * `xml:lang`. Serialised as XML from the tree (not by epub-gen-memory, which escapes every
 * non-ASCII character and drops attributes), so the documents are UTF-8 and well-formed by construction.
 */
export function epubChapters(edition: EpubEdition, context: RenderContext, options: EpubLayoutOptions): EpubContent {
  const { book } = context;
  const primary = edition.languages[0] ?? book.sourceLang;
  const images = new Map<string, EpubImage>();
  const documents = book.chapters.map((chapter) => {
    const root: Root = { type: 'root', children: [layoutInterleaved(chapter, edition.languages, context)] };
    scopeBlockIds(root);
    renderNumerals(root, digitsByLanguage(book.config), primary);
    visit(root, 'element', (element) => {
      const lang = element.properties.lang;
      if (typeof lang === 'string') element.properties.xmlLang = lang;
      if (element.tagName === 'img') element.properties.src = imageHref(element, images);
    });
    if (options.khmerWordBreaks) {
      visit(root, 'element', (element) => {
        const lang = element.properties.lang;
        if (typeof lang !== 'string' || !needsWordBreaks(lang)) return undefined;
        breakWords(element, lang);
        return SKIP;
      });
    }
    return { chapter, root, filename: `${chapter.name.replace(/\.md$/, '').replace(/[^A-Za-z0-9-]/g, '-')}.xhtml` };
  });
  linkAcrossDocuments(documents);
  const pageList = options.printPages ? insertPageBreaks(documents, options.printPages) : [];
  // Navigation titles are not part of the chapter trees: they get the language's digits here.
  const digits = digitsByLanguage(book.config);
  let bodyStarted = false;
  const chapters = documents.map(({ chapter, root, filename }): EpubChapter => {
    const bodymatter = !bodyStarted && !FRONT_MATTER_KINDS.has(chapter.kind);
    if (bodymatter) bodyStarted = true;
    return {
      title: withDigits(chapterTitle(chapter, primary, book.sourceLang), digits[primary] ?? 'latin'),
      titles: edition.languages.map((lang) => ({ lang, text: withDigits(chapterTitle(chapter, lang, book.sourceLang), digits[lang] ?? 'latin') })),
      lang: primary,
      filename,
      xhtml: toXml(toXast(root)),
      bodymatter,
      beforeToc: chapter.kind === 'title',
      inToc: true,
    };
  });
  const text = documents.map(({ root }) => hastToString(root)).join('');
  return { chapters, images: [...images.values()], text, pageList };
}

/** Book images get stable names in order of first use: the same book gives the same EPUB. */
function imageHref(element: Element, images: Map<string, EpubImage>): string {
  const src = String(element.properties.src ?? '');
  const file = src.startsWith('file:') ? fileURLToPath(src) : src;
  let image = images.get(file);
  if (!image) {
    image = { file, href: `images/image-${images.size + 1}${path.extname(file).toLowerCase()}` };
    images.set(file, image);
  }
  return image.href;
}

/** Inside an element of a spaceless script, text nodes get their word breaks; a nested element in another language keeps its text. */
function breakWords(element: Element, lang: string): void {
  visit(element, (node) => {
    if (node !== element && node.type === 'element' && typeof node.properties.lang === 'string' && node.properties.lang !== lang) return SKIP;
    if (node.type === 'text') (node as Text).value = dictionaryWordBreaks((node as Text).value, lang);
    return undefined;
  });
}
