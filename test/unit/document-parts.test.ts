import { h } from 'hastscript';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { bodyEdits, serializeDocument } from '../../src/output/html-parts.js';

const documentOf = (body: ReturnType<typeof h>[]): Root => ({ type: 'root', children: [{ type: 'doctype' }, h('html', { lang: 'en' }, [h('head', [h('title', 'T')]), h('body', { className: ['x'] }, body)])] });

/** Applies edits the way the page does (src/output/page-patch.ts), on an array. */
function apply(from: string[], edits: ReturnType<typeof bodyEdits>): string[] {
  const out: string[] = [];
  let at = 0;
  for (const edit of edits) {
    out.push(...from.slice(at, edit.at), ...edit.insert);
    at = edit.at + edit.remove;
  }
  return [...out, ...from.slice(at)];
}

describe('serializeDocument', () => {
  it('joins its parts into exactly what toHtml writes', () => {
    const root = documentOf([h('section', [h('p', 'a & b')]), h('nav', { hidden: true }, [h('a', { href: '#x' })])]);
    const parts = serializeDocument(root);
    expect(parts.html).toBe(toHtml(root));
    expect(parts.body).toEqual(['<section><p>a &#x26; b</p></section>', '<nav hidden><a href="#x"></a></nav>']);
    expect(parts.head).toBe(parts.html.slice(0, parts.html.indexOf('<body')));
  });

  it('has no body parts when text sits at the top of the body: such a body is never patched', () => {
    const root: Root = { type: 'root', children: [h('html', [h('head'), h('body', ['loose text', h('p', 'x')])])] };
    expect(serializeDocument(root).body).toBeUndefined();
  });
});

describe('bodyEdits', () => {
  it('replaces the changed children and inserts the new ones, keeping every equal child', () => {
    const from = ['title', 'contents', 'colophon', 'ch1', 'ch2', 'ch3', 'index'];
    const to = ['title', 'contents 3 7 11', 'colophon faces', 'ch1', 'blank', 'ch2', 'blank', 'ch3', 'index'];
    const edits = bodyEdits(from, to);
    expect(apply(from, edits)).toEqual(to);
    // Only the two changed front-matter pages go; the chapters stay where they are.
    expect(edits.reduce((n, e) => n + e.remove, 0)).toBe(2);
    expect(edits.flatMap((e) => e.insert)).toEqual(['contents 3 7 11', 'colophon faces', 'blank', 'blank']);
  });

  it('turns any sequence into any other', () => {
    const cases: [string[], string[]][] = [
      [[], ['a']],
      [['a'], []],
      [['a', 'b'], ['b', 'a']],
      [['a', 'b', 'c'], ['x', 'b', 'y', 'z']],
      [['blank', 'a', 'blank', 'b'], ['a', 'b', 'blank']],
    ];
    for (const [from, to] of cases) expect(apply(from, bodyEdits(from, to))).toEqual(to);
  });
});
