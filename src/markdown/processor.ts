import type { Root as MdastRoot, RootContent } from 'mdast';
import type { Root as HastRoot } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { remarkHeadingIds } from './heading-ids.js';
import { remarkSafety, type SafetyOptions } from './safety.js';

/** Markdown → mdast, with heading ids extracted and unsafe constructs removed (reported on `file`). */
export function parseMarkdown(file: VFile, safety: SafetyOptions): MdastRoot {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkHeadingIds)
    .use(remarkSafety, safety);
  return processor.runSync(processor.parse(file), file) as MdastRoot;
}

const sanitizeSchema = {
  ...defaultSchema,
  // Ids come from the manuscript's own heading ids and footnotes; keep them as written.
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'lang', 'className'],
  },
};

const toHast = unified().use(remarkRehype).use(rehypeSanitize, sanitizeSchema);

/**
 * Rendered blocks, per mdast node: a parsed document is cached across rebuilds (preview,
 * build --watch) and keeps its node objects, so an unchanged block is not rendered again. A new
 * parse makes new nodes, and the old entries go with the old tree.
 */
const rendered = new WeakMap<RootContent, { definitions: RootContent[]; root: HastRoot }>();

/**
 * mdast blocks → sanitised hast. `definitions` travel along so that reference links and
 * footnotes inside a block still resolve when the block is rendered on its own.
 * Callers get their own copy, which they may change.
 */
export function blocksToHast(nodes: RootContent[], definitions: RootContent[], file: VFile): HastRoot {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  const hit = only && rendered.get(only);
  if (hit && hit.definitions === definitions) return structuredClone(hit.root);
  const root: MdastRoot = { type: 'root', children: [...structuredClone(nodes), ...definitions] };
  const hast = toHast.runSync(root, file) as HastRoot;
  if (only) rendered.set(only, { definitions, root: structuredClone(hast) });
  return hast;
}
