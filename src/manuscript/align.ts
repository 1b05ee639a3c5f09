import type { Heading } from 'mdast';
import type { AlignedChapter, AlignedRow, AlignedSection, ManuscriptDocument } from './model.js';
import { sectionById } from './section-index.js';

/**
 * Aligns one source document with its translations: sections by id, blocks by order. Mismatches
 * (missing or extra sections and blocks, bad ids) are reported by the rules in src/lint/, which
 * see the same documents; here a missing twin simply leaves its cells empty.
 */
export function alignChapter(source: ManuscriptDocument, translations: Record<string, ManuscriptDocument | undefined>): AlignedChapter {
  const documents: Record<string, ManuscriptDocument | undefined> = { [source.lang]: source, ...translations };
  const sections: AlignedSection[] = source.sections.map((section) => {
    const headings: Record<string, Heading | undefined> = { [source.lang]: section.heading };
    const rows: AlignedRow[] = section.blocks.map((block) => ({ cells: { [source.lang]: block } }));
    for (const [lang, doc] of Object.entries(translations)) {
      const twin = sectionById(doc, section.id);
      if (!twin) continue;
      headings[lang] = twin.heading;
      twin.blocks.forEach((block, index) => {
        const row = rows[index];
        if (row) row.cells[lang] = block;
      });
    }
    return { id: section.id, headings, rows };
  });
  const kind = source.frontMatter.kind ?? 'chapter';
  return { name: source.path.split('/').pop() ?? source.path, kind, documents, sections };
}
