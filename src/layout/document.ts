import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Edition } from '../config/schema.js';
import type { AlignedChapter } from '../manuscript/model.js';
import type { RenderContext } from './blocks.js';
import { layoutColumns } from './columns.js';
import { layoutInterleaved } from './interleaved.js';
import { trimSize } from './trim.js';

export interface PrintDocumentOptions {
  edition: Edition;
  context: RenderContext;
  /** Absolute directory of print.css and the other templates. */
  templatesDir: string;
}

/** The whole print edition as one hast document: the exact HTML that Chromium prints. */
export function printDocument({ edition, context, templatesDir }: PrintDocumentOptions): Root {
  const { book } = context;
  const primary = edition.languages[0] ?? book.sourceLang;
  const { widthMm, heightMm } = trimSize(edition.trim);
  const layout = edition.layout === 'interleaved' ? layoutInterleaved : layoutColumns;
  const chapters = book.chapters.map((chapter: AlignedChapter) => layout(chapter, edition.languages, context));
  const html: Element = h('html', { lang: primary }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('title', book.config.title[primary] ?? Object.values(book.config.title)[0] ?? ''),
      h('link', { rel: 'stylesheet', href: pathToFileURL(path.join(templatesDir, 'print.css')).href }),
      h('style', `@page { size: ${widthMm}mm ${heightMm}mm; }`),
    ]),
    h('body', { className: [`edition-${edition.layout}`], style: `--columns: ${edition.languages.length}` }, chapters),
  ]);
  return { type: 'root', children: [{ type: 'doctype' }, html] };
}
