import type { ManuscriptDocument } from '../manuscript/model.js';
import { sectionChunks } from './markdown.js';

/** Lines to insert after line `after` of the file (0: before the first line). */
export interface Insertion {
  after: number;
  chunks: string[][];
}

export interface ScaffoldPlan {
  insertions: Insertion[];
  /** Section ids added (`_lead` for the lead). */
  sections: string[];
  /** Blocks added, in new and existing sections. */
  blocks: number;
}

/**
 * What an existing translation lacks, as insertions at line boundaries: missing blocks go after the
 * last block of their section, missing sections after the section that precedes them in the source
 * (the lead right after the front matter). Nothing present is touched, extra content included.
 */
export function planScaffold(source: ManuscriptDocument, translation: ManuscriptDocument): ScaffoldPlan {
  const byLine = new Map<number, string[][]>();
  const add = (after: number, chunks: string[][]) => byLine.set(after, [...(byLine.get(after) ?? []), ...chunks]);
  const plan: ScaffoldPlan = { insertions: [], sections: [], blocks: 0 };
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
    anchor = Math.max(...[twin.heading, ...twin.blocks.map((b) => b.node)].map((node) => node?.position?.end.line ?? 0));
    if (twin.blocks.length < section.blocks.length) {
      add(anchor, sectionChunks(source, section, twin.blocks.length));
      plan.blocks += section.blocks.length - twin.blocks.length;
    }
  }
  plan.insertions = [...byLine].map(([after, chunks]) => ({ after, chunks })).sort((a, b) => a.after - b.after);
  return plan;
}

/** The line number of the closing `---` of the front matter, 0 when there is none. */
function frontMatterEnd(text: string): number {
  const lines = text.split('\n');
  if (lines[0] !== '---') return 0;
  const close = lines.indexOf('---', 1);
  return close === -1 ? 0 : close + 1;
}
