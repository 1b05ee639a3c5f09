import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/index.js';
import { resolveChapterLink } from '../manuscript/chapter-links.js';
import { allDocuments, placeOfNode, type LintRule } from './rule.js';

/**
 * `link-target` (error): a relative link must lead to a chapter of the book, or a section of one;
 * every edition turns it into that chapter's anchor. A link to a file that is not a chapter (or
 * does not exist), or to a section the chapter lacks, would lead nowhere in the PDF and the EPUB.
 */
export const linkTargets: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const doc of allDocuments(book)) {
    const definitions = new Map(doc.definitions.flatMap((d) => (d.type === 'definition' ? [[d.identifier, d.url] as const] : [])));
    const visitLinks = (tree: RootContent) =>
      visit(tree, (node) => {
        const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
        if (url === undefined) return;
        const link = resolveChapterLink(book, doc, url);
        if (link.kind === 'none' && link.problem) {
          diagnostics.push({ ...placeOfNode(doc, node), severity: 'error', ruleId: 'link-target', message: `Link \`${url.slice(0, 80)}\` ${link.problem}` });
        }
      });
    for (const section of doc.sections) {
      if (section.heading) visitLinks(section.heading);
      for (const block of section.blocks) visitLinks(block.node);
    }
  }
  return diagnostics;
};
