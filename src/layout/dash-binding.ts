import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visitParents } from 'unist-util-visit-parents';

/** A spaced en or em dash, the parenthetical dash: " – " or " — " (a line end of the source is a space too). */
const SPACED_DASH = /\s[–—](?=\s|$)/g;
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * No line starts with a parenthetical dash: the space before a spaced en or em dash and the dash
 * are kept together in a `nobreak` span (white-space: nowrap), so the line can only break after
 * the dash. The text itself is unchanged, so it reads back from the PDF exactly as written.
 */
export function bindDashes(root: Root): void {
  visitParents(root, (node, ancestors) => {
    if (node.type === 'element' && (VERBATIM.has(node.tagName) || isBound(node))) return SKIP;
    if (node.type !== 'text' || !SPACED_DASH.test(node.value)) return;
    SPACED_DASH.lastIndex = 0;
    const parent = ancestors[ancestors.length - 1] as Root | Element | undefined;
    if (!parent) return;
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(SPACED_DASH)) {
      const start = match.index ?? 0;
      if (start > last) parts.push({ type: 'text', value: node.value.slice(last, start) });
      parts.push(h('span', { className: ['nobreak'] }, match[0]));
      last = start + match[0].length;
    }
    if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
    const index = parent.children.indexOf(node);
    (parent.children as ElementContent[]).splice(index, 1, ...parts);
    return index + parts.length;
  });
}

function isBound(element: Element): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes('nobreak');
}
