import { suggestId } from '../markdown/heading-ids.js';
import type { BodyBlock, Repair } from './repairs.js';

const MAX_WORDS = 10;
const MAX_CHARS = 80;
/** A paragraph ends with punctuation; a subheading does not (closing quotes and brackets aside). */
const FINAL_PUNCTUATION = /[.!?,;:…]["'”’)\]]*$/;

/**
 * A short line without final punctuation between two paragraphs is a subheading that the capture
 * flattened ("Eternal relationship"): it becomes `## Eternal relationship {#eternal-relationship}`.
 * Ids are unique within the chapter, because translations align sections by them.
 */
export function detectHeadings(blocks: readonly BodyBlock[]): { blocks: BodyBlock[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const used = new Set<string>();
  const out = blocks.map((block, index) => {
    const between = index > 0 && index < blocks.length - 1;
    if (!between || !isSubheading(block.text) || blocks[index - 1]?.heading) return block;
    const text = block.text.trim();
    const id = uniqueId(suggestId(text) || 'section', used);
    repairs.push({ line: block.line, kind: 'heading', message: `made "${text}" a subheading: ## ${text} {#${id}}` });
    return { ...block, heading: { id } };
  });
  return { blocks: out, repairs };
}

export function isSubheading(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).length;
  return trimmed.length > 0 && trimmed.length <= MAX_CHARS && words <= MAX_WORDS && /^[\p{Lu}\p{N}“"‘']/u.test(trimmed) && !FINAL_PUNCTUATION.test(trimmed);
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
