import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import { blocksToHast } from '../markdown/processor.js';
import type { Block, ManuscriptDocument, UnitPlace } from '../manuscript/model.js';
import { resolveChapterLink } from '../manuscript/chapter-links.js';
import { chapterAnchor, sectionAnchor } from './chapter-parts.js';
import { expandDirective } from './directives.js';
import { settleConditions } from './edition-view.js';
import { phrases } from './i18n.js';
import { markNoteLinks, withNoteLinks } from './notes.js';
import type { RenderContext } from './render-context.js';
import { bindDashes } from './dash-binding.js';

export type { RenderContext } from './render-context.js';

/** One block of one language as hast: directives expanded, images pointed at the book's files. */
export function renderBlock(block: Block | undefined, doc: ManuscriptDocument | undefined, lang: string, context: RenderContext): ElementContent[] {
  if (!block || !doc || block.untranslated) {
    return [h('p', { className: ['untranslated'] }, phrases(lang).untranslated)];
  }
  const nodes = settleConditions(block.node, context.edition).map((node) => withNoteLinks(expandDirective(node, doc, context), doc));
  const root = blocksToHast(nodes, doc.definitions, doc.file);
  markNoteLinks(root);
  bindDashes(root);
  if (block.unit) markUnit(root, block.unit);
  const fileDir = path.dirname(path.join(context.book.dir, doc.path));
  visit(root, 'element', (element) => {
    if (element.tagName === 'img' && typeof element.properties.src === 'string') {
      element.properties.src = pathToFileURL(path.resolve(fileDir, decodeURI(element.properties.src))).href;
    }
    if (element.tagName === 'a') linkInBook(element, doc, context);
  });
  return root.children as ElementContent[];
}

/**
 * A link to another chapter (or a section of one) becomes that chapter's anchor, the same in every
 * layout; the EPUB then points it at the chapter's document. A link that leads nowhere in the book
 * keeps its text and loses its target (`link-target` reports it), so no output ever gets a `file:` URL.
 */
function linkInBook(element: Element, doc: ManuscriptDocument, context: RenderContext): void {
  const href = element.properties.href;
  if (typeof href !== 'string') return;
  // Footnote references and back-references (remark-rehype's, then notes.ts's `#fn-…` / `#fnref-…`).
  if (href.startsWith('#user-content-') || /^#fn(?:ref)?-/.test(href)) return;
  const link = resolveChapterLink(context.book, doc, href);
  switch (link.kind) {
    case 'web':
      return;
    case 'chapter':
      element.properties.href = `#${link.sectionId ? sectionAnchor(link.chapter, link.sectionId) : chapterAnchor(link.chapter)}`;
      return;
    case 'none':
      delete element.properties.href;
      return;
  }
  link satisfies never;
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
