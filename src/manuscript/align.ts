import type { Heading } from 'mdast';
import type { Diagnostic } from '../diagnostics/index.js';
import { suggestId } from '../markdown/heading-ids.js';
import { toString } from 'mdast-util-to-string';
import type { AlignedChapter, AlignedRow, AlignedSection, ManuscriptDocument, Section } from './model.js';

/**
 * Aligns one source document with its translations: sections by id, blocks by order.
 * Every mismatch is reported with both places, so a translator can find the twin.
 */
export function alignChapter(
  source: ManuscriptDocument,
  translations: Record<string, ManuscriptDocument | undefined>,
): { chapter: AlignedChapter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  for (const doc of [source, ...Object.values(translations)]) if (doc) diagnostics.push(...checkSectionIds(doc));
  const documents: Record<string, ManuscriptDocument | undefined> = { [source.lang]: source, ...translations };

  const sections: AlignedSection[] = source.sections.map((section) => {
    const headings: Record<string, Heading | undefined> = { [source.lang]: section.heading };
    const rows: AlignedRow[] = section.blocks.map((block) => ({ cells: { [source.lang]: block } }));
    for (const [lang, doc] of Object.entries(translations)) {
      if (!doc) continue;
      const twin = doc.sections.find((s) => s.id === section.id);
      if (!twin) {
        diagnostics.push({
          ...placeOf(doc, undefined),
          severity: 'error',
          ruleId: 'missing-section',
          message: `Missing section ${describe(section)} in ${doc.path}: expected it like ${source.path}:${section.heading?.position?.start.line ?? 1}; add a heading with the same id`,
          related: placeOf(source, section),
        });
        continue;
      }
      headings[lang] = twin.heading;
      if (twin.blocks.length !== section.blocks.length) {
        const at = twin.blocks[section.blocks.length]?.node.position?.start ?? twin.heading?.position?.start;
        diagnostics.push({
          file: doc.path,
          ...(at ? { line: at.line, column: at.column } : {}),
          severity: 'error',
          ruleId: twin.blocks.length > section.blocks.length ? 'extra-block' : 'missing-block',
          message: `Unexpected ${twin.blocks.length} block(s) in section ${describe(section)} of ${doc.path}, expected ${section.blocks.length} like ${source.path}:${section.heading?.position?.start.line ?? 1}; blocks align by order (mark a block you have not translated with :::untranslated)`,
          related: placeOf(source, section),
        });
      }
      twin.blocks.forEach((block, index) => {
        const row = rows[index];
        if (row) row.cells[lang] = block;
      });
    }
    return { id: section.id, headings, rows };
  });

  for (const doc of Object.values(translations)) {
    if (!doc) continue;
    for (const twin of doc.sections) {
      if (!source.sections.some((s) => s.id === twin.id)) {
        diagnostics.push({
          ...placeOf(doc, twin),
          severity: 'error',
          ruleId: 'extra-section',
          message: `Unexpected section ${describe(twin)} in ${doc.path}: ${source.path} has no section with that id; fix the id or remove the section`,
          related: { file: source.path },
        });
      }
    }
  }

  const kind = source.frontMatter.kind ?? 'chapter';
  return { chapter: { name: source.path.split('/').pop() ?? source.path, kind, documents, sections }, diagnostics };
}

function checkSectionIds(doc: ManuscriptDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Section>();
  for (const section of doc.sections) {
    if (!section.heading) continue;
    if (section.id === '') {
      const suggestion = suggestId(toString(section.heading)) || 'section';
      diagnostics.push({
        ...placeOf(doc, section),
        severity: 'error',
        ruleId: 'heading-id-missing',
        message: `Heading "${toString(section.heading)}" has no id: expected a stable id that translations share, e.g. \`${'#'.repeat(section.heading.depth)} ${toString(section.heading)} {#${suggestion}}\``,
      });
      continue;
    }
    const first = seen.get(section.id);
    if (first) {
      diagnostics.push({
        ...placeOf(doc, section),
        severity: 'error',
        ruleId: 'heading-id-duplicate',
        message: `Duplicate section id \`${section.id}\`: expected ids unique within ${doc.path}`,
        related: placeOf(doc, first),
      });
    }
    seen.set(section.id, section);
  }
  return diagnostics;
}

function describe(section: Section): string {
  return section.id === '' ? '(the lead, before the first heading)' : `\`${section.id}\``;
}

function placeOf(doc: ManuscriptDocument, section: Section | undefined): { file: string; line?: number; column?: number } {
  const start = section?.heading?.position?.start ?? section?.blocks[0]?.node.position?.start;
  return start ? { file: doc.path, line: start.line, column: start.column } : { file: doc.path };
}
