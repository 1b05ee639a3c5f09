import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import type { Credits } from './credits.js';
import type { BodyBlock } from './repairs.js';

/** The front matter of an imported chapter, in the order the README documents. */
export function chapterFrontMatter(credits: Credits): Record<string, string> {
  const front: Record<string, string> = {};
  if (credits.title !== undefined) front.title = credits.title;
  if (credits.author !== undefined) front.author = credits.author;
  if (credits.affiliation !== undefined) front.affiliation = credits.affiliation;
  if (credits.translator !== undefined) front.source_translator = credits.translator;
  // The headline as published, for the colophon's list of sources, even after an editor retitles.
  if (credits.title !== undefined) front.source = credits.title;
  front.kind = 'chapter';
  return front;
}

// The same syntax extensions as the parser (src/markdown/processor.ts), so that anything in the
// captured text that they would read as markup (a `:name` directive, a `|` table) is escaped.
const writer = unified().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkStringify, { bullet: '-', emphasis: '_' });

/** Front matter and body as markdown, built as a tree so captured text can never become markup. */
export function chapterMarkdown(front: Record<string, string>, blocks: readonly BodyBlock[]): string {
  const children: RootContent[] = [{ type: 'yaml', value: stringifyYaml(front, { lineWidth: 0 }).trimEnd() }];
  for (const block of blocks) {
    if (block.heading) {
      children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: `${block.text} {#${block.heading.id}}` }] });
    } else {
      children.push({ type: 'paragraph', children: [{ type: 'text', value: block.text }] });
    }
  }
  const root: Root = { type: 'root', children };
  return writer.stringify(root);
}
