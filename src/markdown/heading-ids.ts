import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const ID_SUFFIX = /\s*\{#([^}\s]*)\}\s*$/;
export const VALID_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `## The border {#border}` → heading text "The border" with `data.id = 'border'`.
 * Ids are what aligns a translation's sections with the source's, so they are explicit, never slugged.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1);
      if (!last || last.type !== 'text') return;
      const match = ID_SUFFIX.exec(last.value);
      if (!match) return;
      const id = match[1] ?? '';
      last.value = last.value.slice(0, match.index);
      if (last.value === '') heading.children.pop();
      if (!VALID_ID.test(id)) {
        file.message(`Unexpected heading id \`${id}\`: expected lowercase letters, digits and hyphens, e.g. {#${suggestId(id) || 'section'}}`, {
          place: heading.position,
          ruleId: 'heading-id-format',
          source: 'parallel-press',
        }).fatal = true;
      }
      heading.data = { ...heading.data, id, hProperties: { ...heading.data?.hProperties, id } };
    });
  };
}

/** A slug to suggest when a heading has no id (ASCII letters/digits of its text). */
export function suggestId(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

declare module 'mdast' {
  interface HeadingData {
    id?: string;
  }
}
