import type { Diagnostic } from '../diagnostics/index.js';
import { hasContent, plainText, sameParts, type InlinePart } from './inline-parts.js';
import type { XliffFile } from './read-xliff.js';
import type { ChapterUnit } from './units.js';
import { at } from './xml-tree.js';

export interface MatchedChapter {
  /** Unit id → the target to write: changed, and made from the English the book has now. */
  targets: Map<string, InlinePart[]>;
  /** Section key → fingerprint to record: a stale section whose every unit the translator confirmed. */
  confirmed: Map<string, string>;
}

/**
 * Compares the units of one `<file>` with the chapter as it is now. Unknown or repeated ids are
 * errors; a changed target whose English changed since the export is refused (stale) and reported
 * with the English place; an unchanged target is left alone, so an untouched file changes nothing.
 */
export function matchUnits(xliffPath: string, file: XliffFile, units: readonly ChapterUnit[], diagnostics: Diagnostic[]): MatchedChapter {
  const current = new Map(units.map((unit) => [unit.id, unit]));
  const targets = new Map<string, InlinePart[]>();
  const seen = new Set<string>();
  const sections = new Map<string, { confirmed: boolean; count: number }>();

  for (const unit of file.units) {
    const now = current.get(unit.id);
    if (seen.has(unit.id)) {
      diagnostics.push(at(xliffPath, unit.element, 'xliff-duplicate-unit', `Duplicate unit id \`${unit.id}\` in <file id="${file.id}">: expected each unit once, as exported`));
      continue;
    }
    seen.add(unit.id);
    if (!now) {
      const known = units.slice(0, 6).map((u) => u.id).join(', ');
      diagnostics.push(at(xliffPath, unit.element, 'xliff-unknown-unit', `Unknown unit id \`${unit.id}\` in <file id="${file.id}">: expected one of the ids \`parallel-press xliff export\` writes for this chapter (${known}${units.length > 6 ? ', …' : ''}); re-export the chapter rather than editing ids`));
      continue;
    }
    const sourceChanged = (unit.fingerprint !== undefined && unit.fingerprint !== now.fingerprint) || !sameParts(unit.source, now.source);
    const target = unit.target && hasContent(unit.target) ? unit.target : undefined;
    const confirmedUnit = !sourceChanged && target !== undefined && unit.state !== 'initial';
    const section = sections.get(now.sectionKey) ?? { confirmed: true, count: 0 };
    sections.set(now.sectionKey, { confirmed: section.confirmed && confirmedUnit, count: section.count + 1 });
    if (!target || (now.target && sameParts(target, now.target))) continue;
    if (sourceChanged) {
      diagnostics.push({
        ...at(xliffPath, unit.element, 'xliff-stale', ''),
        severity: 'warning',
        message: `Stale unit \`${unit.id}\` not imported: the English of section ${now.sectionKey} changed after this file was exported (now "${excerpt(plainText(now.source))}" at ${now.sourcePlace.file}:${now.sourcePlace.line}); export again and translate the new English`,
        related: now.sourcePlace,
      });
      continue;
    }
    targets.set(unit.id, target);
  }

  const confirmed = new Map<string, string>();
  for (const [key, section] of sections) {
    const all = units.filter((unit) => unit.sectionKey === key);
    if (section.confirmed && section.count === all.length && all.some((unit) => unit.stale)) confirmed.set(key, all[0]?.fingerprint ?? '');
  }
  return { targets, confirmed };
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
