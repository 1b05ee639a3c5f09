import type { ManuscriptDocument, Section } from './model.js';

const indexes = new WeakMap<readonly Section[], Map<string, Section>>();

/**
 * The first section of `doc` with this id, as `sections.find` would return it, from an index
 * built once per document: rules and alignment look up every section of every translation, which
 * is quadratic on a 10,000-section file.
 */
export function sectionById(doc: Pick<ManuscriptDocument, 'sections'> | undefined, id: string): Section | undefined {
  if (!doc) return undefined;
  let index = indexes.get(doc.sections);
  if (!index) {
    index = new Map();
    for (const section of doc.sections) if (!index.has(section.id)) index.set(section.id, section);
    indexes.set(doc.sections, index);
  }
  return index.get(id);
}
