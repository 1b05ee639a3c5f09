import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Blocks link to a chapter or section by its anchor (`#ch-02-asset--border`), which is enough in
 * the one print document; an EPUB has one XHTML document per chapter, so a link to an anchor of
 * another document names that document (`02-asset.xhtml#ch-02-asset--border`).
 */
export function linkAcrossDocuments(documents: readonly { root: Root; filename: string }[]): void {
  const owner = new Map<string, string>();
  const ownIds = documents.map(({ root, filename }) => {
    const ids = new Set<string>();
    visit(root, 'element', (element) => {
      const id = element.properties.id;
      if (typeof id !== 'string') return;
      ids.add(id);
      if (!owner.has(id)) owner.set(id, filename);
    });
    return ids;
  });
  documents.forEach(({ root }, index) => {
    visit(root, 'element', (element) => {
      const href = element.properties.href;
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const id = href.slice(1);
      if (ownIds[index]?.has(id)) return;
      const file = owner.get(id);
      if (file) element.properties.href = `${file}${href}`;
      else delete element.properties.href;
    });
  });
}
