import type { Heading } from 'mdast';
import type { AlignedChapter, AlignedNote, AlignedRow, AlignedSection, Block, ManuscriptDocument } from './model.js';
import { sectionById } from './section-index.js';
import { blockUnits, footnoteLabels } from './units.js';

/**
 * Aligns one source document with its translations: sections by id, blocks by order, and inside a
 * list or table its items or rows by order (one aligned row each). Mismatches (missing or extra
 * sections, blocks, items, rows, notes; bad ids) are reported by the rules in src/lint/, which see
 * the same documents; here a missing twin simply leaves its cells empty.
 */
export function alignChapter(source: ManuscriptDocument, translations: Record<string, ManuscriptDocument | undefined>): AlignedChapter {
  const documents: Record<string, ManuscriptDocument | undefined> = { [source.lang]: source, ...translations };
  const sections: AlignedSection[] = source.sections.map((section) => {
    const headings: Record<string, Heading | undefined> = { [source.lang]: section.heading };
    const rows: AlignedRow[] = [];
    section.blocks.forEach((block, index) => {
      const twins = Object.entries(translations).map(([lang, doc]) => {
        const twin = sectionById(doc, section.id);
        return [lang, twin ? unitsOrBlock(twin.blocks[index], block) : undefined] as const;
      });
      blockUnits(block).forEach((unit, n) => {
        const cells: Record<string, Block | undefined> = { [source.lang]: unit };
        for (const [lang, units] of twins) if (units) cells[lang] = units[n];
        rows.push(unit.unit ? { cells, unit: unit.unit } : { cells });
      });
    });
    for (const [lang, doc] of Object.entries(translations)) {
      const twin = sectionById(doc, section.id);
      if (twin) headings[lang] = twin.heading;
    }
    return { id: section.id, headings, rows };
  });
  const kind = source.frontMatter.kind ?? 'chapter';
  return { name: source.path.split('/').pop() ?? source.path, kind, documents, sections, notes: alignNotes(documents, source.lang) };
}

/**
 * A translated block cut into the source block's units when it has the same shape (a list for a
 * list, a table for a table); otherwise, or `:::untranslated`, it stays whole on the first row.
 */
function unitsOrBlock(block: Block | undefined, source: Block): Block[] | undefined {
  if (!block) return undefined;
  return block.node.type === source.node.type ? blockUnits(block) : [block];
}

/** Note n of the chapter is the n-th footnote referred to in each language. */
function alignNotes(documents: Record<string, ManuscriptDocument | undefined>, sourceLang: string): AlignedNote[] {
  const labels = Object.fromEntries(Object.entries(documents).map(([lang, doc]) => [lang, doc ? documentNotes(doc) : []]));
  const count = (labels[sourceLang] ?? []).length;
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    labels: Object.fromEntries(Object.entries(labels).map(([lang, list]) => [lang, list[i]])),
  }));
}

/** The footnote labels of a document that have a definition, in order of first reference. */
export function documentNotes(doc: ManuscriptDocument): string[] {
  const defined = new Set(doc.definitions.filter((d) => d.type === 'footnoteDefinition').map((d) => d.identifier.toLowerCase()));
  return footnoteLabels(doc.sections.flatMap((s) => s.blocks.map((b) => b.node))).filter((label) => defined.has(label));
}
