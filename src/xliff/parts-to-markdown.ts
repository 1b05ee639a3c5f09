import type { Heading, Literal, Paragraph, PhrasingContent } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';
import { normaliseParts, type InlinePart } from './inline-parts.js';

/** A code's markdown, written as is: the delimiters and targets the export protected. */
interface RawMarkdown extends Literal {
  type: 'rawMarkdown';
}

declare module 'mdast' {
  interface PhrasingContentMap {
    rawMarkdown: RawMarkdown;
  }
  interface RootContentMap {
    rawMarkdown: RawMarkdown;
  }
}

// The escaping of the text next to a code looks at the code's first character (`peek`).
const writeRaw: Handle = Object.assign((node: RawMarkdown) => node.value, { peek: (node: RawMarkdown) => node.value.charAt(0) });

/**
 * mdast-util-to-markdown escapes the text (with the GFM and directive extensions the manuscript is
 * parsed with, so `*`, `[`, `~~`, `:name` or a leading `1.` stay text) and writes the codes back verbatim.
 */
const options: Options = {
  extensions: [gfmToMarkdown(), directiveToMarkdown()],
  handlers: { rawMarkdown: writeRaw },
};

/** The markdown of a paragraph whose content is `parts` (one line, except where a break code has one). */
export function paragraphMarkdown(parts: readonly InlinePart[]): string {
  const node: Paragraph = { type: 'paragraph', children: phrasing(parts) };
  return toMarkdown(node, options).replace(/\n$/, '');
}

/** `## text {#id}`: an ATX heading (a setext heading becomes one), its id kept. */
export function headingMarkdown(parts: readonly InlinePart[], depth: Heading['depth'], id: string | undefined): string {
  const node: Heading = { type: 'heading', depth, children: phrasing(parts) };
  const line = toMarkdown(node, { ...options, setext: false }).replace(/\n$/, '');
  return id ? `${line} {#${id}}` : line;
}

function phrasing(parts: readonly InlinePart[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const part of normaliseParts(parts)) {
    if (part.kind === 'text') out.push(...textNodes(part.value));
    else if (part.kind === 'ph') out.push({ type: 'rawMarkdown', value: part.data });
    else out.push({ type: 'rawMarkdown', value: part.start }, ...phrasing(part.children), { type: 'rawMarkdown', value: part.end });
  }
  return out;
}

/**
 * Text, with every `:` that could start a text directive (`:name`) escaped up front:
 * mdast-util-to-markdown leaves it unescaped when the character before it is escaped (`\*:name`),
 * and remark-directive would then read a directive.
 */
function textNodes(value: string): PhrasingContent[] {
  return value.split(/:(?=[^\s\p{P}\p{S}])/u).flatMap((piece, index): PhrasingContent[] => {
    const text: PhrasingContent[] = piece === '' ? [] : [{ type: 'text', value: piece }];
    return index === 0 ? text : [{ type: 'rawMarkdown', value: '\\:' }, ...text];
  });
}
