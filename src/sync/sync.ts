import path from 'node:path';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { isUnitTranslated } from '../manuscript/block-state.js';
import { fingerprintUnits, recordedFingerprints, type FingerprintUnit } from '../manuscript/fingerprint.js';
import { MANUSCRIPT_DIR, TRANSLATIONS_DIR } from '../manuscript/load.js';
import type { AlignedChapter, ManuscriptDocument } from '../manuscript/model.js';
import { writeOutput } from '../fs/atomic.js';
import { loadForLanguage, readForEditing } from '../scaffold/translation-file.js';
import { withFingerprints, withFrontMatterMap } from './front-matter-edit.js';
import { REVIEW_FINGERPRINTS_KEY, sectionReviews } from '../manuscript/review.js';

export interface SyncOptions {
  bookDir: string;
  lang: string;
  /** A chapter file name (`02-asset.md`) or a path to the translation; all files when absent. */
  file?: string;
  /** Fingerprint keys to record (`_lead` or section ids). */
  sections: readonly string[];
  /** Record every translated section (and forget fingerprints of sections the source no longer has). */
  all: boolean;
  /** Also record what the review saw (English and translation) for the sections marked reviewed or approved. */
  reviewed?: boolean;
}

export interface SyncedFile {
  path: string;
  action: 'updated' | 'unchanged';
  recorded: string[];
  /** Named or implied sections with nothing translated yet: there is nothing to vouch for. */
  untranslated: string[];
  /** With `--reviewed`: sections whose review was recorded, and those left out because they are still draft. */
  reviewRecorded?: string[];
  stillDraft?: string[];
}

/**
 * Records the current English fingerprints of the named sections in a translation's front matter:
 * the translator's statement "this translation matches the English as it is now". Only the
 * `fingerprints` key is rewritten. Nothing is written when any name is wrong.
 */
export async function syncFingerprints(options: SyncOptions): Promise<SyncedFile[]> {
  if (!options.all && options.sections.length === 0) {
    throw new UserError({ file: `${TRANSLATIONS_DIR}/${options.lang}/`, severity: 'error', ruleId: 'sync-nothing-named', message: 'No section named: expected `--section ID` (repeatable; `_lead` for the title and the text before the first heading) or `--all`' });
  }
  const dir = path.resolve(options.bookDir);
  const { book } = await loadForLanguage(dir, options.lang);
  const chapters = selectChapters(book.chapters, book.sourceLang, options);
  const errors: Diagnostic[] = [];
  const plans: { translation: ManuscriptDocument; units: FingerprintUnit[]; untranslated: string[] }[] = [];
  const named = new Set(options.sections);
  for (const chapter of chapters) {
    const source = chapter.documents[book.sourceLang];
    const translation = chapter.documents[options.lang];
    if (!source || !translation) continue;
    const units = fingerprintUnits(source);
    const chosen = options.all ? units : units.filter((u) => named.has(u.key));
    if (options.file !== undefined) {
      for (const id of named) {
        if (!units.some((u) => u.key === id)) errors.push(unknownSection(id, source.path, units));
      }
    }
    const translated = chosen.filter((u) => isUnitTranslated(translation, u.key));
    plans.push({ translation, units: translated, untranslated: chosen.filter((u) => !translated.includes(u)).map((u) => u.key) });
  }
  if (options.file === undefined) {
    for (const id of named) {
      if (!chapters.some((c) => c.documents[book.sourceLang] && fingerprintUnits(c.documents[book.sourceLang] as ManuscriptDocument).some((u) => u.key === id))) {
        errors.push({ file: `${MANUSCRIPT_DIR}/`, severity: 'error', ruleId: 'sync-unknown-section', message: `Unknown section \`${id}\`: no chapter in ${MANUSCRIPT_DIR}/ has a section with that id; expected a heading id such as those \`parallel-press status\` lists, or \`_lead\`` });
      }
    }
  }
  if (errors.length > 0) throw new UserError(errors);

  const results: SyncedFile[] = [];
  for (const { translation, units, untranslated } of plans) {
    const current = recordedFingerprints(translation);
    const next = options.all ? new Map<string, string>() : new Map(current);
    for (const unit of units) next.set(unit.key, unit.hash);
    const recorded = units.map((u) => u.key);
    const review = options.reviewed ? reviewPlan(book.chapters, book.sourceLang, translation, recorded) : undefined;
    const extra = review ? { reviewRecorded: review.recorded, stillDraft: review.stillDraft } : {};
    if (sameEntries(current, next) && (!review || sameEntries(review.current, review.next))) {
      results.push({ path: translation.path, action: 'unchanged', recorded, untranslated, ...extra });
      continue;
    }
    const file = path.join(dir, translation.path);
    const original = await readForEditing(file, translation.path);
    if ('error' in original) throw new UserError(original.error);
    const withSource = withFingerprints(original.text, next);
    const edited = review && 'text' in withSource ? withFrontMatterMap(withSource.text, REVIEW_FINGERPRINTS_KEY, review.next) : withSource;
    if ('error' in edited) {
      throw new UserError({ file: translation.path, line: 1, column: 1, severity: 'error', ruleId: 'front-matter-yaml', message: `Cannot record fingerprints in ${translation.path}: ${edited.error}; expected \`key: value\` lines between two \`---\` lines` });
    }
    await writeOutput(file, edited.text);
    results.push({ path: translation.path, action: 'updated', recorded, untranslated, ...extra });
  }
  return results;
}

/**
 * The review fingerprints after `--reviewed`: every named section marked reviewed or approved
 * gets what the reviewer saw now; draft ones are left out (and named, so the reviewer sees why).
 */
function reviewPlan(chapters: readonly AlignedChapter[], sourceLang: string, translation: ManuscriptDocument, keys: readonly string[]) {
  const source = chapters.find((c) => c.documents[translation.lang] === translation)?.documents[sourceLang];
  const current = recordedFingerprints(translation, REVIEW_FINGERPRINTS_KEY);
  const next = new Map(current);
  const recorded: string[] = [];
  const stillDraft: string[] = [];
  for (const section of source ? sectionReviews(source, translation) : []) {
    if (!keys.includes(section.key)) continue;
    if (section.state === 'draft') {
      stillDraft.push(section.key);
      continue;
    }
    next.set(section.key, section.fingerprint);
    recorded.push(section.key);
  }
  return { current, next, recorded, stillDraft };
}

function selectChapters(chapters: readonly AlignedChapter[], sourceLang: string, options: SyncOptions): AlignedChapter[] {
  const withTranslation = chapters.filter((c) => c.documents[sourceLang] && c.documents[options.lang]);
  if (options.file === undefined) return withTranslation;
  const name = path.basename(options.file);
  const chapter = withTranslation.find((c) => c.name === name);
  if (!chapter) {
    throw new UserError({
      file: `${TRANSLATIONS_DIR}/${options.lang}/${name}`,
      severity: 'error',
      ruleId: 'sync-unknown-file',
      message: `No ${options.lang} translation \`${name}\` with a source in ${MANUSCRIPT_DIR}/: expected one of ${withTranslation.map((c) => c.name).join(', ') || '(none yet: `parallel-press scaffold` creates them)'}`,
    });
  }
  return [chapter];
}

function unknownSection(id: string, sourcePath: string, units: readonly FingerprintUnit[]): Diagnostic {
  return { file: sourcePath, severity: 'error', ruleId: 'sync-unknown-section', message: `Unknown section \`${id}\` in ${sourcePath}: expected one of ${units.map((u) => u.key).join(', ')}` };
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}
