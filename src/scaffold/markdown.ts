import type { RootContent } from 'mdast';
import { sourceOf } from '../manuscript/fingerprint.js';
import type { ManuscriptDocument, Section } from '../manuscript/model.js';

/** Blocks that read the same in every language: copied as they are, not marked untranslated. */
const LANGUAGE_NEUTRAL = new Set(['leafDirective', 'thematicBreak']);

/**
 * The lines a translation gets for a source block it lacks: the English inside an
 * `:::untranslated` container, so the translator has it at hand while the book prints a
 * placeholder (the container's content is never rendered). The fence is longer than any colon
 * fence inside, so a container in the English nests safely.
 */
export function untranslatedBlockLines(source: ManuscriptDocument, node: RootContent): string[] {
  const english = sourceOf(String(source.file.value), node).split('\n');
  if (LANGUAGE_NEUTRAL.has(node.type)) return english;
  const longest = Math.max(2, ...english.map((line) => /^\s*(:+)/.exec(line)?.[1]?.length ?? 0));
  const fence = ':'.repeat(longest + 1);
  return [`${fence}untranslated`, ...english, fence];
}

/** A whole section for a translation that lacks it: the English heading (with its id), then its blocks. */
export function sectionChunks(source: ManuscriptDocument, section: Section, fromBlock = 0): string[][] {
  const chunks: string[][] = [];
  if (fromBlock === 0 && section.heading) chunks.push(sourceOf(String(source.file.value), section.heading).split('\n'));
  for (const block of section.blocks.slice(fromBlock)) chunks.push(untranslatedBlockLines(source, block.node));
  return chunks;
}

/** A new translation file: draft status, the English title as a hint, every section untranslated. */
export function newTranslationText(source: ManuscriptDocument): string {
  const title = source.frontMatter.title;
  const front = ['---', 'status: draft'];
  if (typeof title === 'string') front.push(`# title: ${title.replace(/\n/g, ' ')}  (translate it, then remove the "# ")`);
  front.push('---');
  const chunks = [front, ...source.sections.flatMap((section) => sectionChunks(source, section))];
  return `${chunks.map((chunk) => chunk.join('\n')).join('\n\n')}\n`;
}
