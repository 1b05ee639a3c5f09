import type { Diagnostic } from '../diagnostics/index.js';
import type { Block, ManuscriptDocument, Section } from '../manuscript/model.js';
import { sectionById } from '../manuscript/section-index.js';
import { blockUnits, describeUnit, footnoteLabels } from '../manuscript/units.js';
import { describeSection, formatLocation, placeOfNode, placeOfSection, translationPairs, type LintRule } from './rule.js';

/**
 * `item-missing`, `item-extra`, `row-missing`, `row-extra` (errors): the items of a list and the rows
 * of a table align by order, like blocks, so block k of a translated section has the same items
 * (nested ones too) or rows as its source. The first unit without a twin is named, in both files.
 */
export const unitAlignment: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { lang, source, translation } of translationPairs(book)) {
    for (const section of source.sections) {
      const twin = sectionById(translation, section.id);
      if (!twin) continue;
      section.blocks.forEach((block, index) => {
        const other = twin.blocks[index];
        if (!other || other.untranslated || other.node.type !== block.node.type) return;
        const found = compareUnits(blockUnits(block), blockUnits(other));
        if (found) diagnostics.push(unitDiagnostic(found, { lang, source, translation, section, twin, block: other }));
      });
    }
  }
  return diagnostics;
};

interface Mismatch {
  extra: boolean;
  /** The unit without a twin (in the translation when extra, in the source when missing). */
  unit: Block;
  /** The last unit both have before it: where a missing unit belongs in the translation. */
  before: Block | undefined;
  sourceCount: number;
  translationCount: number;
}

/** The first unit whose path differs: the translation lacks the source's, or has one of its own. */
function compareUnits(source: readonly Block[], translation: readonly Block[]): Mismatch | undefined {
  const key = (b: Block | undefined) => b?.unit?.path.join('.');
  const counts = { sourceCount: source.length, translationCount: translation.length };
  for (let i = 0; i < Math.max(source.length, translation.length); i++) {
    const s = source[i];
    const t = translation[i];
    if (key(s) === key(t)) continue;
    const sourceHasIt = t !== undefined && source.some((b) => key(b) === key(t));
    if (s && (!t || sourceHasIt)) return { extra: false, unit: s, before: translation[i - 1], ...counts };
    if (t) return { extra: true, unit: t, before: source[i - 1], ...counts };
  }
  return undefined;
}

function unitDiagnostic(found: Mismatch, where: { lang: string; source: ManuscriptDocument; translation: ManuscriptDocument; section: Section; twin: Section; block: Block }): Diagnostic {
  const { lang, source, translation, section, twin, block } = where;
  const unit = found.unit.unit;
  const kind = unit?.kind ?? 'item';
  const noun = kind === 'row' ? 'rows' : 'items';
  const name = unit ? describeUnit(unit) : kind;
  const here = found.extra ? placeOfNode(translation, found.unit.node) : placeOfNode(translation, found.before?.node ?? block.node);
  const related = found.extra ? placeOfNode(source, found.before?.node ?? section.blocks[0]?.node) : placeOfNode(source, found.unit.node);
  const fix = found.extra
    ? `merge or remove ${name}; ${noun} align by order`
    : `translate ${name} (\`parallel-press scaffold ${lang}\` adds it in English to translate)`;
  return {
    ...(here.line === undefined ? placeOfSection(translation, twin) : here),
    severity: 'error',
    ruleId: `${kind}-${found.extra ? 'extra' : 'missing'}`,
    message: `${found.extra ? 'Unexpected' : 'Missing'} ${name} in section ${describeSection(section)} of ${translation.path}: ${found.translationCount} ${noun}, expected ${found.sourceCount} like ${formatLocation(related)}; ${fix}`,
    related,
  };
}

/**
 * `note-missing`, `note-extra` (errors): footnotes align by order of first reference, so each
 * translated section refers to as many footnotes as its source.
 */
export const noteAlignment: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { translation, source } of translationPairs(book)) {
    for (const section of source.sections) {
      const twin = sectionById(translation, section.id);
      if (!twin) continue;
      const expected = footnoteLabels(section.blocks.map((b) => b.node));
      const found = footnoteLabels(twin.blocks.filter((b) => !b.untranslated).map((b) => b.node));
      if (expected.length === found.length || twin.blocks.some((b) => b.untranslated)) continue;
      const extra = found.length > expected.length;
      const here = placeOfNode(translation, twin.blocks.find((b) => footnoteLabels([b.node]).length > 0)?.node ?? twin.blocks[0]?.node ?? twin.heading);
      const related = placeOfNode(source, section.blocks.find((b) => footnoteLabels([b.node]).length > 0)?.node ?? section.heading);
      diagnostics.push({
        ...(here.line === undefined ? placeOfSection(translation, twin) : here),
        severity: 'error',
        ruleId: extra ? 'note-extra' : 'note-missing',
        message: `Unexpected ${found.length} footnote(s) in section ${describeSection(section)} of ${translation.path}, expected ${expected.length} like ${formatLocation(related)}; footnotes align by order of reference: ${extra ? 'remove or merge the extra `[^note]`' : 'add the missing `[^note]` reference and its definition'}`,
        related,
      });
    }
  }
  return diagnostics;
};
