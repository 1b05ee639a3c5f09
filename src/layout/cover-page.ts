import type { Root } from 'hast';
import { h } from 'hastscript';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';
import type { Edition } from '../config/schema.js';
import type { Book } from '../manuscript/model.js';
import type { EpubChapter } from './epub-chapter.js';
import { epubPhrases } from './epub-phrases.js';

/** Size of the cover image in CSS pixels: 2:3, wide enough for shop thumbnails. */
export const COVER_SIZE = { width: 1400, height: 2100 } as const;

const COVER_CSS = `
html, body { margin: 0; width: ${COVER_SIZE.width}px; height: ${COVER_SIZE.height}px; }
body { background: #173f3a; color: #f4ecd8; font-family: 'Noto Serif', serif; display: flex; flex-direction: column; box-sizing: border-box; padding: 180px 130px 140px; }
:lang(km) { font-family: 'Noto Serif Khmer', 'Noto Serif', serif; line-height: 1.7; }
.title { font-size: 96px; line-height: 1.15; font-weight: bold; margin: 0; }
.subtitle { font-size: 44px; line-height: 1.3; margin: 40px 0 0; font-style: italic; }
.rule { border: 0; border-top: 4px solid #d8b45a; width: 40%; margin: 90px 0; }
.other { font-size: 58px; line-height: 1.3; margin: 0 0 36px; }
.credits { margin-top: auto; font-size: 40px; }
.publisher { font-size: 32px; letter-spacing: 0.08em; margin-top: 24px; color: #d8b45a; }
`;

/** The cover as an HTML page for Chromium to photograph: the title in every edition language. */
export function coverPage(book: Book, edition: Edition): Root {
  const { config } = book;
  const [primary = book.sourceLang, ...others] = edition.languages;
  const subtitle = config.subtitle?.[primary];
  const authors = config.authors.filter((a) => a.role === 'author').map((a) => a.name);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: primary }, [
        h('head', [h('meta', { charset: 'utf-8' }), h('style', COVER_CSS)]),
        h('body', [
          h('h1', { className: ['title'], lang: primary }, config.title[primary] ?? ''),
          subtitle ? h('p', { className: ['subtitle'], lang: primary }, subtitle) : null,
          h('hr', { className: ['rule'] }),
          ...others.map((lang) => h('p', { className: ['other'], lang }, config.title[lang] ?? '')),
          h('div', { className: ['credits'] }, [
            authors.length > 0 ? h('div', authors.join(', ')) : null,
            config.publisher ? h('div', { className: ['publisher'] }, config.publisher) : null,
          ]),
        ]),
      ]),
    ],
  };
}

/** The cover document of the EPUB: the image alone, described in the edition's primary language. */
export function coverChapter(book: Book, edition: Edition, imageHref: string): EpubChapter {
  const primary = edition.languages[0] ?? book.sourceLang;
  const title = book.config.title[primary] ?? '';
  const phrases = epubPhrases(primary);
  const alt = phrases.coverAlt(title, book.config.subtitle?.[primary]);
  const body: Root = {
    type: 'root',
    children: [h('section', { className: ['cover'] }, [h('img', { src: imageHref, alt, role: 'doc-cover', className: ['cover-image'] })])],
  };
  return {
    title: phrases.cover,
    titles: [{ lang: primary, text: phrases.cover }],
    lang: primary,
    filename: 'cover.xhtml',
    xhtml: toXml(toXast(body)),
    bodymatter: false,
    beforeToc: true,
    inToc: false,
    bodyType: 'cover',
  };
}
