import type { Root } from 'mdast';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/markdown/processor.js';
import { normaliseParts, phrasingParts, sameParts, type InlinePart } from '../src/xliff/inline-parts.js';
import { headingMarkdown, paragraphMarkdown } from '../src/xliff/parts-to-markdown.js';

/** Parses markdown with the manuscript's own processor and returns the parts of its first block. */
function readBack(markdown: string): InlinePart[] | undefined {
  const file = new VFile({ path: 'x.md', value: markdown });
  const tree: Root = parseMarkdown(file, { bookDir: '/book', fileDir: '/book' });
  const first = tree.children[0];
  if (tree.children.length !== 1 || !first || (first.type !== 'paragraph' && first.type !== 'heading')) return undefined;
  return phrasingParts(first.children, markdown);
}

// Characters a translator may type that mean something to markdown, plus Vietnamese and Khmer.
const piece = fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '#', '-', '+', '1.', '2)', '~', '~~', ':', ':abc', '\\', '&', '&amp;', '|', '=', ' ', 'www.x.org', 'a@b.org', 'https://x.org', 'Việt Nam', 'កម្ពុជា', 'word', '\u00a0', '"', "'", '{#id}', '[^1]');
const phrase = fc.array(piece, { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));
const text = (value: string): InlinePart => ({ kind: 'text', value });
const EMPHASIS = { type: 'fmt', subType: 'xlf:i', canDelete: true } as const;
const LINK = { type: 'link', subType: 'pp:link', canDelete: true } as const;
const CODE = { type: 'other', subType: 'pp:code', canDelete: true } as const;

describe('rebuilding markdown from a target', () => {
  it('keeps any typed text as text (property)', () => {
    fc.assert(
      fc.property(phrase, (value) => {
        const parts = normaliseParts([text(value)]);
        fc.pre(parts.length > 0);
        expect(readBack(paragraphMarkdown(parts)), paragraphMarkdown(parts)).toSatisfy((got: InlinePart[] | undefined) => got !== undefined && sameParts(got, parts));
      }),
      { numRuns: 250 },
    );
  });

  it('restores codes verbatim around any text (property)', () => {
    fc.assert(
      fc.property(phrase, phrase, phrase, (before, inside, after) => {
        const parts = normaliseParts([
          text(`x${before}`),
          { kind: 'pc', start: '*', end: '*', role: EMPHASIS, children: [text(`y${inside}y`)] },
          text(` ${after} `),
          { kind: 'pc', start: '[', end: '](https://example.org "t")', role: LINK, children: [text('z')] },
          text(' and '),
          { kind: 'ph', data: '`a * b`', role: CODE },
          text('.'),
        ]);
        const markdown = paragraphMarkdown(parts);
        const got = readBack(markdown);
        expect(got !== undefined && sameParts(got, parts), markdown).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back the target exactly in the common cases', () => {
    const cases: InlinePart[][] = [
      [text('Sông '), { kind: 'pc', start: '*', end: '*', role: EMPHASIS, children: [text('Mê Kông')] }, text(' chảy qua 3 nước.')],
      [text('1. not a list, # not a heading, - not an item: *not emphasis*')],
      [{ kind: 'pc', start: '[', end: '](https://example.org)', role: LINK, children: [text('ស្ពាន')] }, text(' ទន្លេមេគង្គ។')],
      [text('Giá '), { kind: 'ph', data: '`VND 10,000`', role: CODE }, text(' mỗi ký.')],
    ];
    for (const parts of cases) expect(sameParts(readBack(paragraphMarkdown(parts)) ?? [], parts), paragraphMarkdown(parts)).toBe(true);
  });

  it('moves a space left inside a paired code outside it', () => {
    const parts: InlinePart[] = [text('bến'), { kind: 'pc', start: '~~', end: '~~', role: EMPHASIS, children: [text(' cũ ')] }, text('mới')];
    expect(paragraphMarkdown(parts)).toBe('bến ~~cũ~~ mới');
  });

  it('writes a heading as ATX with its id', () => {
    expect(headingMarkdown([text('Hai đất nước #1')], 2, 'two-countries')).toBe('## Hai đất nước #1 {#two-countries}');
    expect(readBack(headingMarkdown([text('A {#x} b')], 2, 'y'))).toEqual([text('A {#x} b')]);
  });
});
