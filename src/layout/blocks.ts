import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { blocksToHast } from '../markdown/processor.js';
import type { Block, Book, ManuscriptDocument } from '../manuscript/model.js';
import { formatDate, phrases } from './i18n.js';
import { languageReview, reviewersLine } from './review-credits.js';

export interface RenderContext {
  book: Book;
  date: Date;
  /** The `columns` layout's width ratios, one per language of the edition (book.yaml `columnWidths`). */
  columnWidths?: readonly number[];
}

/** One block of one language as hast: directives expanded, images pointed at the book's files. */
export function renderBlock(block: Block | undefined, doc: ManuscriptDocument | undefined, lang: string, context: RenderContext): ElementContent[] {
  if (!block || !doc || block.untranslated) {
    return [h('p', { className: ['untranslated'] }, phrases(lang).untranslated)];
  }
  const node = expandDirective(block.node, doc, context);
  const root = blocksToHast([node], doc.definitions, doc.file);
  const fileDir = path.dirname(path.join(context.book.dir, doc.path));
  visit(root, 'element', (element) => {
    if (element.tagName === 'img' && typeof element.properties.src === 'string') {
      element.properties.src = pathToFileURL(path.resolve(fileDir, decodeURI(element.properties.src))).href;
    }
  });
  return root.children as ElementContent[];
}

/** `::translation-status` and `::build-date` are filled in from the book at build time. */
function expandDirective(node: RootContent, doc: ManuscriptDocument, context: RenderContext): RootContent {
  if (node.type !== 'leafDirective') return node;
  const say = phrases(doc.lang);
  if (node.name === 'build-date') {
    return paragraph(say.buildDate(formatDate(context.date, doc.lang)));
  }
  if (node.name === 'translation-status') {
    const { book } = context;
    const lines = book.config.languages
      .filter((lang) => lang !== book.sourceLang)
      .map((lang) => {
        const line = say.translationStatus(say.languageName(lang), languageReview(book, lang).status);
        const reviewers = reviewersLine(book, lang, doc.lang);
        return reviewers ? `${line} ${reviewers}` : line;
      });
    return paragraph(lines.join(' '));
  }
  return node;
}

function paragraph(text: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}
