import type { Root } from 'mdast';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { VFile } from 'vfile';
import { checkFrontMatterTypes } from './front-matter-types.js';
import type { FrontMatter } from './model.js';

const KINDS = ['title', 'foreword', 'chapter', 'appendix', 'colophon'];

/** Reads the YAML front matter node; problems are reported on `file` at the right line. */
export function readFrontMatter(tree: Root, file: VFile): FrontMatter {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return {};
  let data: unknown;
  try {
    data = parseYaml(node.value);
  } catch (error) {
    const line = (node.position?.start.line ?? 1) + 1 + (error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 1) - 1 : 0);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    file.message(`Front matter is not valid YAML (${reason}): expected \`key: value\` lines between the \`---\` fences`, {
      place: { line, column: 1 },
      ruleId: 'front-matter-yaml',
      source: 'parallel-press',
    }).fatal = true;
    return {};
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.message('Front matter is not a mapping: expected `key: value` lines such as `title: …`', {
      place: node.position,
      ruleId: 'front-matter-yaml',
      source: 'parallel-press',
    }).fatal = true;
    return {};
  }
  const front = data as FrontMatter;
  checkFrontMatterTypes(front, node, file);
  if (front.kind !== undefined && !KINDS.includes(front.kind)) {
    file.message(`Unexpected kind \`${String(front.kind)}\`: expected one of ${KINDS.join(', ')}`, {
      place: node.position,
      ruleId: 'front-matter-kind',
      source: 'parallel-press',
    }).fatal = true;
  }
  return front;
}
