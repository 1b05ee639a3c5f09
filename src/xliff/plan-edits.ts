import { plainText, type InlinePart } from './inline-parts.js';
import type { Leaf } from './leaves.js';
import { headingMarkdown, paragraphMarkdown } from './parts-to-markdown.js';
import { applyEdits, frontMatterEdits, type TextEdit } from './text-edits.js';
import type { BlockFill, ChapterUnit } from './units.js';

/** A target to write, or the reason it cannot be written. */
export interface PlannedEdits {
  edits: TextEdit[];
  /** Units whose target was accepted but has no place in the translation yet: unit id → why. */
  unplaced: Map<string, string>;
}

/**
 * Turns accepted targets into edits of the translation's markdown: each changed paragraph or
 * heading is replaced at its mdast position; a block the translation lacks is written in the shape
 * of the English block; title, subtitle and confirmed fingerprints are edited in the front matter.
 */
export function planEdits(translationText: string, units: readonly ChapterUnit[], targets: ReadonlyMap<string, InlinePart[]>, confirmed: ReadonlyMap<string, string>): PlannedEdits {
  const edits: TextEdit[] = [];
  const unplaced = new Map<string, string>();
  const fields = new Map<string, string>();
  const fills = new Map<string, { fill: BlockFill; targets: Map<number, InlinePart[]>; ids: string[] }>();

  for (const unit of units) {
    const target = targets.get(unit.id);
    if (!target) continue;
    const slot = unit.slot;
    if (slot.kind === 'none') unplaced.set(unit.id, slot.reason);
    else if (slot.kind === 'front-matter') fields.set(slot.field, plainText(target).trim());
    else if (slot.kind === 'node') {
      const start = slot.node.position?.start.offset;
      const end = slot.node.position?.end.offset;
      if (start !== undefined && end !== undefined) edits.push({ start, end, replacement: leafMarkdown(slot.node, target, slot.id) });
    } else {
      const entry = fills.get(slot.fill.key) ?? { fill: slot.fill, targets: new Map<number, InlinePart[]>(), ids: [] as string[] };
      entry.targets.set(slot.leafIndex, target);
      entry.ids.push(unit.id);
      fills.set(slot.fill.key, entry);
    }
  }

  const appended = new Map<number, { blockIndex: number; markdown: string; ids: string[] }[]>();
  for (const { fill, targets: leafTargets, ids } of fills.values()) {
    if (leafTargets.size < fill.leaves.length) {
      for (const id of ids) unplaced.set(id, `block ${fill.blockIndex + 1} of section ${fill.sectionKey} is not in the translation yet and only ${leafTargets.size} of its ${fill.leaves.length} paragraphs have a target: translate all of them`);
      continue;
    }
    const markdown = blockMarkdown(fill, leafTargets);
    if ('replace' in fill.place) edits.push({ start: fill.place.replace[0], end: fill.place.replace[1], replacement: markdown });
    else appended.set(fill.place.insertAfter, [...(appended.get(fill.place.insertAfter) ?? []), { blockIndex: fill.blockIndex, markdown, ids }]);
  }
  for (const [offset, blocks] of appended) {
    blocks.sort((a, b) => a.blockIndex - b.blockIndex);
    const firstAbsent = firstAbsentOf(units, blocks[0]?.ids[0]);
    const written: string[] = [];
    blocks.forEach((block, index) => {
      if (block.blockIndex === firstAbsent + index && written.length === index) written.push(block.markdown);
      else for (const id of block.ids) unplaced.set(id, `the translation ends before block ${firstAbsent + 1} of this section; blocks align by order, so translate the blocks before it first`);
    });
    if (written.length > 0) edits.push({ start: offset, end: offset, replacement: written.map((markdown) => `\n\n${markdown}`).join('') });
  }

  edits.push(...frontMatterEdits(translationText, fields, confirmed));
  return { edits, unplaced };
}

/** The translation's new text: `planEdits` applied. */
export function editedText(translationText: string, planned: PlannedEdits): string {
  return applyEdits(translationText, planned.edits);
}

function leafMarkdown(leaf: Leaf, target: InlinePart[], id: string | undefined): string {
  return leaf.type === 'heading' ? headingMarkdown(target, leaf.depth, id) : paragraphMarkdown(target);
}

/** The English block with each of its paragraphs replaced by its target. */
function blockMarkdown(fill: BlockFill, targets: ReadonlyMap<number, InlinePart[]>): string {
  const edits = fill.leaves.flatMap((leaf, index): TextEdit[] => {
    const start = leaf.position?.start.offset;
    const end = leaf.position?.end.offset;
    const target = targets.get(index);
    if (start === undefined || end === undefined || !target) return [];
    return [{ start: start - fill.templateStart, end: end - fill.templateStart, replacement: leafMarkdown(leaf, target, leaf.type === 'heading' ? leaf.data?.id : undefined) }];
  });
  return applyEdits(fill.template, edits);
}

function firstAbsentOf(units: readonly ChapterUnit[], id: string | undefined): number {
  const slot = units.find((unit) => unit.id === id)?.slot;
  return slot?.kind === 'fill' && 'firstAbsent' in slot.fill.place ? slot.fill.place.firstAbsent : 0;
}
