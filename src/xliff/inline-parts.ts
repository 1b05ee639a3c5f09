import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * The content of one XLIFF segment: plain text, and inline markdown kept as codes a CAT tool
 * cannot break. `data` / `start` / `end` hold the markdown itself (the XLIFF `originalData`).
 */
export type InlinePart = TextPart | PlaceholderPart | PairedPart;

export interface TextPart {
  kind: 'text';
  value: string;
}

/** A standalone code (`<ph>`): inline code, a footnote reference, a break, an image… */
export interface PlaceholderPart {
  kind: 'ph';
  data: string;
  role: CodeRole;
}

/** A code around text (`<pc>`): emphasis, strong, strikethrough, a link. */
export interface PairedPart {
  kind: 'pc';
  start: string;
  end: string;
  role: CodeRole;
  children: InlinePart[];
}

/** What a code stands for: XLIFF `type`/`subType`, and whether a translation may drop it. */
export interface CodeRole {
  type: 'fmt' | 'link' | 'image' | 'other';
  subType: string;
  canDelete: boolean;
}

const ROLES = {
  emphasis: { type: 'fmt', subType: 'xlf:i', canDelete: true },
  strong: { type: 'fmt', subType: 'xlf:b', canDelete: true },
  delete: { type: 'fmt', subType: 'pp:strike', canDelete: true },
  link: { type: 'link', subType: 'pp:link', canDelete: true },
  autolink: { type: 'link', subType: 'pp:autolink', canDelete: true },
  break: { type: 'fmt', subType: 'xlf:lb', canDelete: true },
  inlineCode: { type: 'other', subType: 'pp:code', canDelete: true },
  // A footnote without its reference silently disappears from the book: keep the reference.
  footnoteReference: { type: 'other', subType: 'pp:footnote', canDelete: false },
  image: { type: 'image', subType: 'pp:image', canDelete: true },
  markup: { type: 'other', subType: 'pp:markup', canDelete: true },
} as const satisfies Record<string, CodeRole>;

/**
 * Inline mdast → parts. `text` is the markdown the nodes were parsed from (positions index it).
 * Markup between nodes (a line prefix after a hard break, raw HTML the safety pass removed) joins
 * the code before it, so rebuilding the block from the parts loses nothing.
 */
export function phrasingParts(nodes: readonly PhrasingContent[], text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let previousEnd: number | undefined;
  for (const node of nodes) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) {
      // GFM finds bare e-mail addresses and URLs after parsing, in text values: those nodes have no
      // position, and are text as far as a translator is concerned.
      parts.push({ kind: 'text', value: toString(node) });
      previousEnd = undefined;
      continue;
    }
    if (previousEnd !== undefined && start > previousEnd) appendMarkup(parts, text.slice(previousEnd, start));
    parts.push(nodePart(node, text, start, end));
    previousEnd = end;
  }
  return normaliseParts(parts);
}

function nodePart(node: PhrasingContent, text: string, start: number, end: number): InlinePart {
  const source = text.slice(start, end);
  switch (node.type) {
    case 'text':
      return { kind: 'text', value: node.value };
    case 'emphasis':
    case 'strong':
    case 'delete': {
      const width = node.type === 'emphasis' ? 1 : node.type === 'strong' ? 2 : /^~*/.exec(source)?.[0].length;
      return paired(node.children, text, start, end, ROLES[node.type], width) ?? { kind: 'ph', data: source, role: ROLES.markup };
    }
    case 'link':
      // Autolinks (`<https://…>`, bare `www.…`, `name@host`) are their own text: nothing to translate.
      if (!source.startsWith('[')) return { kind: 'ph', data: source, role: source.startsWith('<') ? ROLES.link : ROLES.autolink };
      return paired(node.children, text, start, end, ROLES.link) ?? { kind: 'ph', data: source, role: ROLES.link };
    case 'linkReference':
      // `[text][ref]` keeps its reference when the text changes; `[ref]` and `[ref][]` would not.
      return (node.referenceType === 'full' ? paired(node.children, text, start, end, ROLES.link) : undefined) ?? { kind: 'ph', data: source, role: ROLES.link };
    case 'inlineCode':
    case 'break':
    case 'footnoteReference':
      return { kind: 'ph', data: source, role: ROLES[node.type] };
    case 'image':
    case 'imageReference':
      return { kind: 'ph', data: source, role: ROLES.image };
    default:
      return { kind: 'ph', data: source, role: ROLES.markup };
  }
}

function paired(children: readonly PhrasingContent[], text: string, start: number, end: number, role: CodeRole, delimiter?: number): PairedPart | undefined {
  let first = children[0]?.position?.start.offset;
  let last = children.at(-1)?.position?.end.offset;
  // Children made after parsing (GFM's bare URLs) have no position: attention markers have a known width.
  if ((first === undefined || last === undefined) && delimiter !== undefined && children.length > 0) {
    first = start + delimiter;
    last = end - delimiter;
  }
  if (first === undefined || last === undefined) return undefined;
  return { kind: 'pc', start: text.slice(start, first), end: text.slice(last, end), role, children: phrasingParts(children, text) };
}

function appendMarkup(parts: InlinePart[], markup: string): void {
  const last = parts.at(-1);
  if (last?.kind === 'ph') last.data += markup;
  else if (last?.kind === 'pc') last.end += markup;
  else parts.push({ kind: 'ph', data: markup, role: ROLES.markup });
}

/**
 * One form for equal content: runs of spaces and line ends are one space (a soft line break is a
 * space in every output), adjacent texts merge, a space at the inner edge of a paired code moves
 * outside it (`*word *` is not emphasis in markdown; CAT tools often leave such spaces), an empty
 * paired code goes, and the segment has no outer whitespace. No-break spaces are kept: they are typography.
 */
export function normaliseParts(parts: readonly InlinePart[], outer = true): InlinePart[] {
  const out: InlinePart[] = [];
  const pushText = (value: string) => {
    const last = out.at(-1);
    if (last?.kind === 'text') last.value = (last.value + value).replace(/ {2,}/g, ' ');
    else if (value !== '') out.push({ kind: 'text', value });
  };
  for (const part of parts) {
    if (part.kind === 'text') pushText(part.value.replace(/[ \t\r\n]+/g, ' '));
    else if (part.kind === 'ph') out.push({ ...part });
    else {
      const children = normaliseParts(part.children, false);
      const first = children[0];
      const last = children.at(-1);
      const leading = first?.kind === 'text' && first.value.startsWith(' ');
      const trailing = last?.kind === 'text' && last.value.endsWith(' ');
      if (first?.kind === 'text') first.value = first.value.replace(/^ /, '');
      if (last?.kind === 'text') last.value = last.value.replace(/ $/, '');
      if (leading) pushText(' ');
      const inner = children.filter((child) => child.kind !== 'text' || child.value !== '');
      // An empty paired code formats nothing (and `****` alone would be a thematic break).
      if (inner.length > 0) out.push({ ...part, children: inner });
      if (trailing) pushText(' ');
    }
  }
  if (!outer) return out;
  const first = out[0];
  if (first?.kind === 'text') first.value = first.value.replace(/^ /, '');
  const last = out.at(-1);
  if (last?.kind === 'text') last.value = last.value.replace(/ $/, '');
  return out.filter((part) => part.kind !== 'text' || part.value !== '');
}

/**
 * Same text and same codes (by their markdown) in the same nesting. A bare `www.…` or e-mail
 * address counts as the text it is: GFM links it whether it was exported as a code or typed.
 */
export function sameParts(a: readonly InlinePart[], b: readonly InlinePart[]): boolean {
  const left = normaliseParts(withAutolinksAsText(a));
  const right = normaliseParts(withAutolinksAsText(b));
  return left.length === right.length && left.every((part, index) => samePart(part, right[index]));
}

function withAutolinksAsText(parts: readonly InlinePart[]): InlinePart[] {
  return parts.map((part) => {
    if (part.kind === 'ph' && part.role.subType === ROLES.autolink.subType) return { kind: 'text', value: part.data.replace(/\\([!-/:-@[-`{-~])/g, '$1') };
    return part.kind === 'pc' ? { ...part, children: withAutolinksAsText(part.children) } : part;
  });
}

function samePart(a: InlinePart, b: InlinePart | undefined): boolean {
  if (!b || a.kind !== b.kind) return false;
  if (a.kind === 'text' && b.kind === 'text') return a.value === b.value;
  if (a.kind === 'ph' && b.kind === 'ph') return a.data === b.data;
  if (a.kind === 'pc' && b.kind === 'pc') {
    return a.start === b.start && a.end === b.end && a.children.length === b.children.length && a.children.every((child, index) => samePart(child, b.children[index]));
  }
  return false;
}

/** The text a reader sees, codes left out: for messages. */
export function plainText(parts: readonly InlinePart[]): string {
  return parts.map((part) => (part.kind === 'text' ? part.value : part.kind === 'pc' ? plainText(part.children) : '')).join('');
}

/** The parts for a message: text as is, markdown of codes between ⟨ ⟩. */
export function describeParts(parts: readonly InlinePart[]): string {
  return normaliseParts(parts)
    .map((part) => (part.kind === 'text' ? part.value : part.kind === 'ph' ? `⟨${part.data}⟩` : `⟨${part.start}⟩${describeParts(part.children)}⟨${part.end}⟩`))
    .join('');
}

/** Whether there is anything to translate (a segment of codes only is not empty either). */
export function hasContent(parts: readonly InlinePart[]): boolean {
  return normaliseParts(parts).length > 0;
}
