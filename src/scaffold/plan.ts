import type { List, RootContent } from 'mdast';
import type { Node } from 'unist';
import type { ManuscriptDocument } from '../manuscript/model.js';
import { sectionChunks } from './markdown.js';

/** Lines to insert after line `after` of the file (0: before the first line). */
export interface Insertion {
  after: number;
  chunks: string[][];
  /** List items or table rows: inserted inside their list or table, without blank lines. */
  tight?: boolean;
}

export interface ScaffoldPlan {
  insertions: Insertion[];
  /** Section ids added (`_lead` for the lead). */
  sections: string[];
  /** Blocks added, in new and existing sections. */
  blocks: number;
  /** List items and table rows added to lists and tables the translation has but cut short. */
  units: number;
}

/**
 * What an existing translation lacks, as insertions at line boundaries: missing blocks go after the
 * last block of their section, missing sections after the section that precedes them in the source
 * (the lead right after the front matter). Nothing present is touched, extra content included.
 */
export function planScaffold(source: ManuscriptDocument, translation: ManuscriptDocument): ScaffoldPlan {
  const byLine = new Map<number, string[][]>();
  const add = (after: number, chunks: string[][]) => byLine.set(after, [...(byLine.get(after) ?? []), ...chunks]);
  const plan: ScaffoldPlan = { insertions: [], sections: [], blocks: 0, units: 0 };
  const sourceLines = String(source.file.value).split(/\r\n|\r|\n/);
  const tight: Insertion[] = [];
  let anchor = frontMatterEnd(String(translation.file.value));
  for (const section of source.sections) {
    if (section.heading && section.id === '') continue; // no id to match by: check reports it
    const twin = translation.sections.find((s) => s.id === section.id);
    if (!twin) {
      add(anchor, sectionChunks(source, section));
      plan.sections.push(section.id === '' ? '_lead' : section.id);
      plan.blocks += section.blocks.length;
      continue;
    }
    twin.blocks.slice(0, section.blocks.length).forEach((block, index) => {
      const own = section.blocks[index];
      if (own && !block.untranslated) tight.push(...missingUnits(own.node, block.node, sourceLines, plan));
    });
    anchor = Math.max(...[twin.heading, ...twin.blocks.map((b) => b.node)].map((node) => node?.position?.end.line ?? 0));
    if (twin.blocks.length < section.blocks.length) {
      add(anchor, sectionChunks(source, section, twin.blocks.length));
      plan.blocks += section.blocks.length - twin.blocks.length;
    }
  }
  // Footnotes referred to by the copied items and rows come along, at the end of the file.
  const copiedLabels = new Set(tight.flatMap((i) => i.chunks.flat().flatMap((line) => [...line.matchAll(/\[\^([^\]]+)\]/g)].map((m) => (m[1] ?? '').toLowerCase()))));
  const notes = source.definitions.filter((d) => d.type === 'footnoteDefinition' && copiedLabels.has(d.identifier.toLowerCase()) && !translation.definitions.some((t) => t.type === 'footnoteDefinition' && t.identifier.toLowerCase() === d.identifier.toLowerCase()));
  if (notes.length > 0) add((String(translation.file.value).match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? []).length, [notes.flatMap((d) => sourceLines.slice((d.position?.start.line ?? 1) - 1, d.position?.end.line ?? 0))]);
  plan.insertions = [...[...byLine].map(([after, chunks]) => ({ after, chunks })), ...tight].sort((a, b) => a.after - b.after);
  return plan;
}

/**
 * The items a translated list lacks at its end (at any depth) and the rows a translated table lacks,
 * copied in English from the source, right after the translation's last item or row: units align
 * by order, so the missing ones are the last ones.
 */
function missingUnits(source: RootContent, translation: RootContent, lines: readonly string[], plan: ScaffoldPlan): Insertion[] {
  const copy = (nodes: readonly Node[]) => nodes.map((n) => lines.slice((n.position?.start.line ?? 1) - 1, n.position?.end.line ?? 0));
  const end = (node: Node) => node.position?.end.line ?? 0;
  if (source.type === 'table' && translation.type === 'table' && translation.children.length < source.children.length) {
    const rows = source.children.slice(translation.children.length);
    plan.units += rows.length;
    return [{ after: end(translation), chunks: copy(rows), tight: true }];
  }
  if (source.type !== 'list' || translation.type !== 'list') return [];
  const found: Insertion[] = [];
  source.children.forEach((item, index) => {
    const twin = translation.children[index];
    if (!twin) return;
    const nested = item.children.find((c): c is List => c.type === 'list');
    const twinNested = twin.children.find((c): c is List => c.type === 'list');
    if (nested && twinNested) found.push(...missingUnits(nested, twinNested, lines, plan));
  });
  if (translation.children.length < source.children.length) {
    const items = source.children.slice(translation.children.length);
    plan.units += items.length;
    found.push({ after: end(translation), chunks: copy(items), tight: true });
  }
  return found;
}

/** The line number of the closing `---` of the front matter, 0 when there is none. */
function frontMatterEnd(text: string): number {
  const lines = text.split('\n');
  if (lines[0] !== '---') return 0;
  const close = lines.indexOf('---', 1);
  return close === -1 ? 0 : close + 1;
}
