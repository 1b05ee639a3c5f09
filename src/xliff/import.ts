import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { hasErrors, type Diagnostic } from '../diagnostics/index.js';
import { recordedFingerprints } from '../manuscript/fingerprint.js';
import { alignChapter } from '../manuscript/align.js';
import { loadBook, TRANSLATIONS_DIR } from '../manuscript/load.js';
import type { AlignedChapter } from '../manuscript/model.js';
import { vfileDiagnostics } from '../manuscript/vfile-diagnostics.js';
import { writeOutput } from '../fs/atomic.js';
import { describeParts, sameParts } from './inline-parts.js';
import { matchUnits } from './match-units.js';
import { editedText, planEdits } from './plan-edits.js';
import { readXliff, type XliffDocument, type XliffFile } from './read-xliff.js';
import { parseEdited } from './reparse.js';
import { chapterUnits } from './units.js';
import { at } from './xml-tree.js';

export interface ImportResult {
  diagnostics: Diagnostic[];
  /** Translation files rewritten, with the units whose target changed. */
  written: { path: string; units: string[] }[];
}

interface Job {
  xliffPath: string;
  file: XliffFile;
  chapter: AlignedChapter;
  lang: string;
}

/**
 * Writes the targets of XLIFF files back into translations/LANG/. All or nothing: any error
 * (malformed file, wrong language, unknown unit, broken code, a target markdown cannot hold)
 * writes no file at all. Stale units are refused with a warning; the others are imported.
 */
export async function importXliff(xliffPaths: readonly string[], bookDir: string): Promise<ImportResult> {
  const dir = path.resolve(bookDir);
  const diagnostics: Diagnostic[] = [];
  const documents: XliffDocument[] = [];
  for (const xliffPath of xliffPaths) {
    const text = await readXliffText(xliffPath, diagnostics);
    if (text === undefined) continue;
    const read = readXliff(xliffPath, text);
    diagnostics.push(...read.diagnostics);
    if (read.document) documents.push(read.document);
  }
  const config = await loadConfig(dir);
  const sourceLang = config.languages[0] ?? 'en';
  const translationLangs = config.languages.filter((lang) => lang !== sourceLang);
  for (const doc of documents) {
    if (bookLanguage(doc.srcLang, [sourceLang]) === undefined) diagnostics.push(at(doc.path, doc.root, 'xliff-srclang', `Unexpected srcLang="${doc.srcLang}": expected "${sourceLang}", the language of manuscript/ in book.yaml`));
    const trgLang = bookLanguage(doc.trgLang, translationLangs);
    if (trgLang !== undefined) doc.trgLang = trgLang;
    else if (doc.trgLang !== '') {
      diagnostics.push(at(doc.path, doc.root, 'xliff-trglang', `Unexpected trgLang="${doc.trgLang}": expected one of the book's translation languages (${translationLangs.join(', ')}); was this file exported from another book, or did the CAT tool change the target language?`));
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics, written: [] };

  const book = await loadBook(dir, config, [sourceLang, ...new Set(documents.map((doc) => doc.trgLang))]);
  const jobs = new Map<string, Job>();
  for (const doc of documents) {
    for (const file of doc.files) {
      const chapter = book.chapters.find((c) => c.name === file.id);
      const key = `${doc.trgLang}/${file.id}`;
      if (!chapter) diagnostics.push(at(doc.path, file.element, 'xliff-unknown-file', `Unknown <file id="${file.id}">: expected the name of a chapter in manuscript/ (${book.chapters.map((c) => c.name).join(', ')})`));
      else if (file.translation !== undefined && file.translation !== `${TRANSLATIONS_DIR}/${doc.trgLang}/${file.id}`) {
        diagnostics.push(at(doc.path, doc.root, 'xliff-trglang', `Unexpected trgLang="${doc.trgLang}": <file id="${file.id}"> was exported from ${file.translation}; expected trgLang to name that language (was it changed by hand or by the CAT tool?)`));
      } else if (jobs.has(key)) diagnostics.push(at(doc.path, file.element, 'xliff-duplicate-file', `Chapter ${file.id} (${doc.trgLang}) is also in ${jobs.get(key)?.xliffPath ?? ''}: expected each chapter in one file per import`));
      else jobs.set(key, { xliffPath: doc.path, file, chapter, lang: doc.trgLang });
    }
  }

  const writes: { target: string; before: string; text: string; units: string[] }[] = [];
  for (const job of jobs.values()) {
    const write = importChapter(job, dir, sourceLang, diagnostics);
    if (write) writes.push(write);
  }
  if (hasErrors(diagnostics)) return { diagnostics, written: [] };
  for (const write of writes) {
    const file = path.join(dir, write.target);
    await writeOutput(file, inFormOf(await readFile(file), write, diagnostics));
  }
  return { diagnostics, written: writes.map((w) => ({ path: w.target, units: w.units })) };
}

/** Plans, applies in memory and reads back one chapter's edits; the new text if all is well. */
function importChapter({ xliffPath, file, chapter, lang }: Job, bookDir: string, sourceLang: string, diagnostics: Diagnostic[]): { target: string; before: string; text: string; units: string[] } | undefined {
  const units = chapterUnits(chapter, sourceLang, lang);
  const { targets, confirmed } = matchUnits(xliffPath, file, units, diagnostics);
  const translation = chapter.documents[lang];
  const source = chapter.documents[sourceLang];
  const element = (id: string) => file.units.find((unit) => unit.id === id)?.element;
  if (targets.size === 0 && confirmed.size === 0) return undefined;
  if (!translation || !source) {
    for (const id of targets.keys()) diagnostics.push(at(xliffPath, element(id), 'xliff-unplaced', `Target of unit \`${id}\` not imported: translations/${lang}/${chapter.name} does not exist; create it (same file name as manuscript/${chapter.name}) and import again`, 'warning'));
    return undefined;
  }
  const text = String(translation.file.value);
  const planned = planEdits(text, units, targets, confirmed);
  for (const [id, reason] of planned.unplaced) {
    targets.delete(id);
    diagnostics.push(at(xliffPath, element(id), 'xliff-unplaced', `Target of unit \`${id}\` not imported: ${reason}`, 'warning'));
  }
  if (planned.edits.length === 0) return undefined;

  // Read the edited file back: every unit must hold exactly the target written, or what it held.
  const edited = parseEdited(bookDir, translation.path, lang, editedText(text, planned));
  const fatal = vfileDiagnostics(edited.file).filter((d) => d.severity === 'error');
  diagnostics.push(...fatal);
  const after = new Map(chapterUnits(alignChapter(source, { [lang]: edited }), sourceLang, lang).map((unit) => [unit.id, unit]));
  for (const unit of units) {
    const expected = targets.get(unit.id) ?? unit.target;
    const got = after.get(unit.id)?.target;
    if (expected === undefined ? got === undefined : got !== undefined && sameParts(expected, got)) continue;
    diagnostics.push(at(xliffPath, element(unit.id), 'xliff-target-markdown', `The target of unit \`${unit.id}\` does not survive as markdown in ${translation.path}: it reads back as "${describeParts(got ?? [])}", expected "${describeParts(expected ?? [])}" (⟨ ⟩ is markup); a code is not formatting where it stands (e.g. \`_\` inside a word): move it to a word boundary`));
  }
  const recorded = recordedFingerprints(edited);
  for (const [key, hash] of confirmed) {
    if (recorded.get(key) !== hash) diagnostics.push({ file: translation.path, severity: 'error', ruleId: 'xliff-fingerprint', message: `Could not record fingerprint ${hash} for section ${key} in the front matter of ${translation.path}; expected \`fingerprints: { ${key}: … }\` to be editable` });
  }
  if (fatal.length > 0) return undefined;
  return { target: translation.path, before: text, text: editedText(text, planned), units: [...targets.keys(), ...[...confirmed.keys()].map((key) => `fingerprints.${key}`)] };
}

/**
 * Offsets index the text as loaded (UTF-8, NFC, LF, no BOM): the edited text goes back with the
 * file's own BOM and CRLF line ends, so the bytes outside the edits stay as they were. Only a
 * file that was not NFC is written in another form (NFC), with a warning.
 */
function inFormOf(bytes: Buffer, write: { target: string; before: string; text: string }, diagnostics: Diagnostic[]): string {
  const decoded = bytes.toString('utf8');
  const bom = decoded.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = decoded.slice(bom.length);
  const crlf = body.includes('\r\n') && !/\r(?!\n)|(?<!\r)\n/.test(body);
  if ((crlf ? body.replace(/\r\n/g, '\n') : body) !== write.before) {
    diagnostics.push({ file: write.target, severity: 'warning', ruleId: 'xliff-normalised', message: `${write.target} was not NFC text with one kind of line end; it is written back as NFC with LF line ends` });
    return bom + write.text;
  }
  return bom + (crlf ? write.text.replace(/\n/g, '\r\n') : write.text);
}

/** The book's code for an XLIFF language tag: `vi` for `vi` or `vi-VN` (CAT tools like regions). */
function bookLanguage(tag: string, languages: readonly string[]): string | undefined {
  const wanted = tag.toLowerCase();
  return languages.find((lang) => lang.toLowerCase() === wanted) ?? languages.find((lang) => lang.toLowerCase() === wanted.split('-')[0]);
}

async function readXliffText(xliffPath: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    const bytes = await readFile(xliffPath);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    diagnostics.push({ file: xliffPath, severity: 'error', ruleId: 'xliff-unreadable', message: code ? `Cannot read ${xliffPath} (${code}): expected an XLIFF file exported by \`parallel-press xliff export\`` : `${xliffPath} is not UTF-8: expected an XLIFF file saved as UTF-8` });
    return undefined;
  }
}
