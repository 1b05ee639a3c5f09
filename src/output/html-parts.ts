import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';

/**
 * A print document serialized as its parts: the whole HTML, what precedes `<body>`, and each child
 * of the body on its own. Two passes of one edition differ in a few body children (the contents'
 * page numbers, the colophon's faces, blank versos), so a page laid out from one pass becomes the
 * next by replacing only those (src/output/page-patch.ts).
 */
export interface DocumentParts {
  html: string;
  /** Everything before `<body`: two documents with different heads are never patched one into the other. */
  head: string;
  /** Each body child's HTML; absent when the body holds anything but elements (text at its top level). */
  body: string[] | undefined;
}

/** Serializes `root` once, as the parts and, joined from them, exactly `toHtml(root)`. */
export function serializeDocument(root: Root): DocumentParts {
  const html = root.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const body = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body');
  if (!html || !body || body.children.some((node) => node.type !== 'element')) return { html: toHtml(root), head: '', body: undefined };
  const parts = body.children.map((child) => toHtml(child));
  const emptyBody: Element = { ...body, children: [] };
  const shell = toHtml({ ...root, children: root.children.map((node) => (node === html ? { ...html, children: html.children.map((child) => (child === body ? emptyBody : child)) } : node)) });
  const close = shell.lastIndexOf('</body>');
  return { html: `${shell.slice(0, close)}${parts.join('')}${shell.slice(close)}`, head: shell.slice(0, shell.indexOf('<body')), body: parts };
}

/** At the `at`-th child of the old body: `remove` old children go, the `insert`ed ones come before what follows. */
export interface BodyEdit {
  at: number;
  remove: number;
  insert: string[];
}

/**
 * The fewest body children to remove and insert to turn `from` into `to` (a longest common
 * subsequence of equal children), as edits in the old body's order. The common head and tail are
 * set aside first: a facing book has a child per page, and its passes differ near the front.
 */
export function bodyEdits(from: readonly string[], to: readonly string[]): BodyEdit[] {
  let head = 0;
  while (head < from.length && head < to.length && from[head] === to[head]) head++;
  let tail = 0;
  while (tail < from.length - head && tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  return middleEdits(from.slice(head, from.length - tail), to.slice(head, to.length - tail)).map((edit) => ({ ...edit, at: edit.at + head }));
}

function middleEdits(from: readonly string[], to: readonly string[]): BodyEdit[] {
  // common[i][j]: the length of the longest common subsequence of from[i..] and to[j..].
  const common = Array.from({ length: from.length + 1 }, () => new Array<number>(to.length + 1).fill(0));
  const at = (i: number, j: number): number => common[i]?.[j] ?? 0;
  for (let i = from.length - 1; i >= 0; i--) {
    const row = common[i] ?? [];
    for (let j = to.length - 1; j >= 0; j--) row[j] = from[i] === to[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const edits: BodyEdit[] = [];
  let pending: BodyEdit | undefined;
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    if (i < from.length && j < to.length && from[i] === to[j]) {
      if (pending) edits.push(pending);
      pending = undefined;
      i++;
      j++;
    } else if (j < to.length && (i === from.length || at(i, j + 1) >= at(i + 1, j))) {
      pending ??= { at: i, remove: 0, insert: [] };
      pending.insert.push(to[j] ?? '');
      j++;
    } else {
      pending ??= { at: i, remove: 0, insert: [] };
      pending.remove++;
      i++;
    }
  }
  if (pending) edits.push(pending);
  return edits;
}
