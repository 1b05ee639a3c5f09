import type { Heading } from 'mdast';
import { fingerprintUnits, LEAD_KEY, recordedFingerprints } from '../manuscript/fingerprint.js';
import type { AlignedChapter, ManuscriptDocument, Section } from '../manuscript/model.js';
import { conditionOf, describeCondition } from '../manuscript/condition.js';
import { phrasingParts, type InlinePart } from './inline-parts.js';
import { blockLeaves, type Leaf } from './leaves.js';

export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';

/** One translatable unit of a chapter: its English, the current translation, and where that lives. */
export interface ChapterUnit {
  /** `_title`, `_subtitle`, `SECTION-heading`, `SECTION-N` (block N) or `SECTION-N.M` (leaf M of block N). */
  id: string;
  /** `_lead` or the section id: the fingerprint the unit's source belongs to. */
  sectionKey: string;
  /** The current fingerprint of that section of the English. */
  fingerprint: string;
  source: InlinePart[];
  sourcePlace: { file: string; line: number };
  target: InlinePart[] | undefined;
  /** The translation records an older fingerprint for the section: the English changed since. */
  stale: boolean;
  state: SegmentState;
  slot: TargetSlot;
  /** The English block is kept only in some editions: the translation keeps the same condition. */
  condition?: string;
}

/** Where an imported target goes in the translation file. */
export type TargetSlot =
  | { kind: 'front-matter'; field: 'title' | 'subtitle' }
  | { kind: 'node'; node: Leaf; id: string | undefined }
  | { kind: 'fill'; fill: BlockFill; leafIndex: number }
  | { kind: 'none'; reason: string };

/** A block the translation lacks (`:::untranslated` or absent): written from the English block's shape. */
export interface BlockFill {
  key: string;
  blockIndex: number;
  sectionKey: string;
  /** The English block's markdown, from offset `templateStart` of the English file; its `leaves` are replaced by the targets. */
  template: string;
  templateStart: number;
  leaves: Leaf[];
  /**
   * The `:::untranslated` container to replace, or where an absent block goes: after `insertAfter`,
   * and only as block `firstAbsent` or one following it (blocks align by order).
   */
  place: { replace: [number, number] } | { insertAfter: number; firstAbsent: number };
}

/**
 * Status → XLIFF state of a translated segment: `status: draft` (or none) is `translated`,
 * `reviewed` is `reviewed`, `approved` (or `final`) is `final`. A segment with no translation, or whose section's
 * English changed since it was translated (stale), is `initial`.
 */
export function stateOfStatus(status: unknown): SegmentState {
  return status === 'reviewed' ? 'reviewed' : status === 'final' || status === 'approved' ? 'final' : 'translated';
}

/** The units of one chapter for one translation language, in document order. */
export function chapterUnits(chapter: AlignedChapter, sourceLang: string, lang: string): ChapterUnit[] {
  const source = chapter.documents[sourceLang];
  if (!source) return [];
  const translation = chapter.documents[lang];
  const sourceText = String(source.file.value);
  const targetText = translation ? String(translation.file.value) : '';
  const recorded = translation ? recordedFingerprints(translation) : new Map<string, string>();
  const fingerprints = new Map(fingerprintUnits(source).map((unit) => [unit.key, unit.hash]));
  const baseState = stateOfStatus(translation?.frontMatter.status);
  const units: ChapterUnit[] = [];

  const add = (id: string, sectionKey: string, sourceParts: InlinePart[], line: number, target: InlinePart[] | undefined, slot: TargetSlot) => {
    const fingerprint = fingerprints.get(sectionKey) ?? '';
    const was = recorded.get(sectionKey);
    const stale = target !== undefined && was !== undefined && was !== fingerprint;
    const state = target === undefined || stale ? 'initial' : baseState;
    units.push({ id, sectionKey, fingerprint, source: sourceParts, sourcePlace: { file: source.path, line }, target, stale, state, slot });
  };
  const missing = (reason: string): TargetSlot => ({ kind: 'none', reason });

  for (const field of ['title', 'subtitle'] as const) {
    const value = source.frontMatter[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const current = translation?.frontMatter[field];
    const target = typeof current === 'string' && current.trim() !== '' ? textParts(current) : undefined;
    add(`_${field}`, LEAD_KEY, textParts(value), 1, target, translation ? { kind: 'front-matter', field } : missing(`there is no ${lang} file`));
  }

  for (const section of source.sections) {
    const key = section.heading === undefined ? LEAD_KEY : section.id;
    if (key === '') continue; // a heading without an id: `check` asks for one first
    const twin = translation?.sections.find((s) => (section.heading === undefined ? s.heading === undefined : s.id === section.id));
    const absent = translation ? `section ${key} is missing in ${translation.path}` : `there is no ${lang} file`;
    if (section.heading) {
      const slot: TargetSlot = twin?.heading ? { kind: 'node', node: twin.heading, id: twin.heading.data?.id } : missing(absent);
      add(`${key}-heading`, key, leafParts(section.heading, sourceText), lineOf(section.heading), twin?.heading ? leafParts(twin.heading, targetText) : undefined, slot);
    }
    section.blocks.forEach((block, index) => {
      const leaves = blockLeaves(block.node);
      const condition = conditionOf(block.node) ? describeCondition(conditionOf(block.node)) : undefined;
      const twinBlock = twin?.blocks[index];
      const twinLeaves = twinBlock && !twinBlock.untranslated ? blockLeaves(twinBlock.node) : [];
      const fill = twin && translation && (!twinBlock || twinBlock.untranslated) ? blockFill(key, index, block.node, leaves, sourceText, twinBlock?.untranslated ? twinBlock.node : undefined, twin, translation) : undefined;
      leaves.forEach((leaf, leafIndex) => {
        const id = leaves.length === 1 && leaf === block.node ? `${key}-${index + 1}` : `${key}-${index + 1}.${leafIndex + 1}`;
        const twinLeaf = twinLeaves[leafIndex];
        const slot: TargetSlot = twinLeaf
          ? { kind: 'node', node: twinLeaf, id: twinLeaf.type === 'heading' ? twinLeaf.data?.id : undefined }
          : fill
            ? { kind: 'fill', fill, leafIndex }
            : missing(twin ? `block ${index + 1} of section ${key} in ${translation?.path ?? lang} has ${twinLeaves.length} paragraph(s) or heading(s), the English ${leaves.length}` : absent);
        add(id, key, leafParts(leaf, sourceText), lineOf(leaf), twinLeaf ? leafParts(twinLeaf, targetText) : undefined, slot);
        if (condition) (units.at(-1) as ChapterUnit).condition = condition;
      });
    });
  }

  // Footnote texts: matched by label, outside every section (no fingerprint: import compares the source text).
  for (const definition of source.definitions) {
    if (definition.type !== 'footnoteDefinition') continue;
    const twin = translation?.definitions.find((d) => d.type === 'footnoteDefinition' && d.identifier === definition.identifier);
    const leaves = definition.children.flatMap((child) => blockLeaves(child));
    const twinLeaves = twin?.type === 'footnoteDefinition' ? twin.children.flatMap((child) => blockLeaves(child)) : [];
    const label = definition.identifier.replace(/[^\w.-]/g, '-');
    leaves.forEach((leaf, index) => {
      const twinLeaf = twinLeaves[index];
      const slot: TargetSlot = twinLeaf ? { kind: 'node', node: twinLeaf, id: undefined } : missing(twin ? `footnote [^${definition.label ?? label}] in ${translation?.path ?? lang} has ${twinLeaves.length} paragraph(s), the English ${leaves.length}` : `footnote [^${definition.label ?? label}] is missing in ${translation?.path ?? `the ${lang} translation`}: add its definition first`);
      add(`${NOTES_KEY}-${label}${leaves.length > 1 ? `.${index + 1}` : ''}`, NOTES_KEY, leafParts(leaf, sourceText), lineOf(leaf), twinLeaf ? leafParts(twinLeaf, targetText) : undefined, slot);
    });
  }
  return units;
}

/** The `sectionKey` of footnote units: no section holds them, so no fingerprint covers them. */
export const NOTES_KEY = '_note';

function blockFill(sectionKey: string, blockIndex: number, node: Section['blocks'][number]['node'], leaves: Leaf[], sourceText: string, untranslated: Section['blocks'][number]['node'] | undefined, twin: Section, translation: ManuscriptDocument): BlockFill | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const shape = { key: `${sectionKey}#${blockIndex}`, blockIndex, sectionKey, template: sourceText.slice(start, end), templateStart: start, leaves };
  if (untranslated) {
    const from = untranslated.position?.start.offset;
    const to = untranslated.position?.end.offset;
    return from === undefined || to === undefined ? undefined : { ...shape, place: { replace: [from, to] } };
  }
  const anchor = twin.blocks.at(-1)?.node.position?.end.offset ?? twin.heading?.position?.end.offset ?? frontMatterEnd(String(translation.file.value));
  return { ...shape, place: { insertAfter: anchor, firstAbsent: twin.blocks.length } };
}

/** Offset just after the closing `---` of the front matter, or 0. */
function frontMatterEnd(text: string): number {
  const match = /^---\n[\s\S]*?\n---[ \t]*(?=\n|$)/.exec(text);
  return match ? match[0].length : 0;
}

function leafParts(leaf: Leaf | Heading, text: string): InlinePart[] {
  return phrasingParts(leaf.children, text);
}

function textParts(value: string): InlinePart[] {
  return [{ kind: 'text', value: value.replace(/[ \t\r\n]+/g, ' ').trim() }];
}

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}
