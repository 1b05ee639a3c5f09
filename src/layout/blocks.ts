import type { ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { blocksToHast } from '../markdown/processor.js';
import type { Block, Book, ManuscriptDocument, UnitPlace } from '../manuscript/model.js';
import { markNoteLinks, withNoteLinks } from './notes.js';
import { formatDate, phrases } from './i18n.js';

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
  const node = withNoteLinks(expandDirective(block.node, doc, context), doc);
  const root = blocksToHast([node], doc.definitions, doc.file);
  markNoteLinks(root);
  if (block.unit) markUnit(root, block.unit);
  const fileDir = path.dirname(path.join(context.book.dir, doc.path));
  visit(root, 'element', (element) => {
    if (element.tagName === 'img' && typeof element.properties.src === 'string') {
      element.properties.src = pathToFileURL(path.resolve(fileDir, decodeURI(element.properties.src))).href;
    }
  });
  return root.children as ElementContent[];
}

/**
 * A list item or table row alone: its list keeps the item's number (`<ol start>`) and a class for
 * its depth; a body row is a body row (alone in its table it would otherwise become the header).
 */
function markUnit(root: Root, unit: UnitPlace): void {
  for (const element of root.children) {
    if (element.type !== 'element') continue;
    if (unit.kind === 'item' && (element.tagName === 'ol' || element.tagName === 'ul')) {
      element.properties.className = ['unit-item', `unit-depth-${unit.depth}`];
      if (unit.ordered) element.properties.start = unit.number;
    }
    if (unit.kind === 'row' && element.tagName === 'table') {
      const body = unit.number > 1;
      element.properties.className = ['unit-row', body ? 'unit-row-body' : 'unit-row-head'];
      if (!body) continue;
      visit(element, 'element', (child) => {
        if (child.tagName === 'thead') child.tagName = 'tbody';
        if (child.tagName === 'th') child.tagName = 'td';
      });
    }
  }
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
        const statuses = book.chapters.map((c) => c.documents[lang]?.frontMatter.status ?? 'draft');
        const status = statuses.length > 0 && statuses.every((s) => s === 'reviewed') ? 'reviewed' : 'draft';
        return say.translationStatus(say.languageName(lang), status);
      });
    return paragraph(lines.join(' '));
  }
  return node;
}

function paragraph(text: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}
