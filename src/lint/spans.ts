import type { Node } from 'unist';
import type { Place } from '../diagnostics/index.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import type { RootContent } from 'mdast';
import { describeSection, placeOfFrontMatter } from './rule.js';

/** One line of source text a node covers, with where it starts (for exact line:column reports). */
export interface SourceSpan {
  line: number;
  column: number;
  text: string;
}

/** The source lines a node covers, clipped to its start and end columns. */
export function nodeSpans(doc: ManuscriptDocument, node: Node | undefined): SourceSpan[] {
  const start = node?.position?.start;
  const end = node?.position?.end;
  if (!start || !end) return [];
  const lines = linesOf(doc);
  const spans: SourceSpan[] = [];
  for (let line = start.line; line <= end.line; line++) {
    const text = lines[line - 1] ?? '';
    const from = line === start.line ? start.column - 1 : 0;
    const to = line === end.line ? end.column - 1 : text.length;
    spans.push({ line, column: from + 1, text: text.slice(from, to) });
  }
  return spans;
}

const splitLines = new WeakMap<object, { value: unknown; lines: string[] }>();

/** The lines of a document, split once: rules ask per node, and a 10,000-section file has 30,000 nodes. */
export function linesOf(doc: ManuscriptDocument): string[] {
  const cached = splitLines.get(doc.file);
  if (cached?.value === doc.file.value) return cached.lines;
  const lines = String(doc.file.value).split('\n');
  splitLines.set(doc.file, { value: doc.file.value, lines });
  return lines;
}

/** The `title:` line of the front matter as a span, if there is one. */
export function titleSpan(doc: ManuscriptDocument): SourceSpan[] {
  const place = placeOfFrontMatter(doc, 'title');
  const text = String(doc.file.value).split('\n')[(place.line ?? 1) - 1] ?? '';
  return /^title\s*:/.test(text) ? [{ line: place.line ?? 1, column: 1, text }] : [];
}

/** The first match of `pattern` in the spans, as a place, with the matched text. */
export function firstMatch(doc: ManuscriptDocument, spans: readonly SourceSpan[], pattern: RegExp): (Place & { match: string }) | undefined {
  for (const span of spans) {
    const found = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(span.text);
    if (found) return { file: doc.path, line: span.line, column: span.column + found.index, match: found[0] };
  }
  return undefined;
}

export interface TranslatedPart {
  what: string;
  spans: SourceSpan[];
  /** The block, for parts that are blocks (not the title or a heading). */
  node?: RootContent;
}

/** The title, every heading and every translated block of a translation, with their source lines. */
export function translatedParts(doc: ManuscriptDocument): TranslatedPart[] {
  const parts: TranslatedPart[] = [{ what: 'the title', spans: titleSpan(doc) }];
  for (const section of doc.sections) {
    if (section.heading) parts.push({ what: `the heading of section ${describeSection(section)}`, spans: nodeSpans(doc, section.heading) });
    section.blocks.forEach((block, index) => {
      if (!block.untranslated) parts.push({ what: `block ${index + 1} of section ${describeSection(section)}`, spans: nodeSpans(doc, block.node), node: block.node });
    });
  }
  return parts;
}
