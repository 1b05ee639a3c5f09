import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { loadBook, MANUSCRIPT_DIR, TRANSLATIONS_DIR } from '../manuscript/load.js';
import { writeOutput } from '../fs/atomic.js';
import { chapterUnits, type SegmentState } from './units.js';
import { writeXliff, type XliffChapter } from './write-xliff.js';

export interface ExportOptions {
  bookDir: string;
  lang: string;
  /** A `.xlf`/`.xliff` file (every chapter in it) or a directory (one file per chapter). */
  out?: string;
}

export interface ExportedFile {
  path: string;
  chapters: string[];
  units: number;
  states: Record<SegmentState, number>;
  stale: number;
}

export interface ExportResult {
  files: ExportedFile[];
  /** What `check` finds wrong in the book: the export still runs (translators fix it in the markdown). */
  bookDiagnostics: Diagnostic[];
}

/** Writes the XLIFF 2.0 of one translation language, by default to BOOK_DIR/build/xliff/LANG/NN-slug.xlf. */
export async function exportXliff(options: ExportOptions): Promise<ExportResult> {
  const dir = path.resolve(options.bookDir);
  const config = await loadConfig(dir);
  const sourceLang = config.languages[0] ?? 'en';
  const translationLangs = config.languages.filter((lang) => lang !== sourceLang);
  if (!translationLangs.includes(options.lang)) {
    throw new UserError({ file: 'book.yaml', severity: 'error', ruleId: 'xliff-lang', message: `Unexpected language "${options.lang}": expected one of the book's translation languages (${translationLangs.join(', ') || 'none in book.yaml languages'})` });
  }
  const book = await loadBook(dir, config, [sourceLang, options.lang]);
  const chapters: XliffChapter[] = book.chapters.map((chapter) => ({
    name: chapter.name,
    sourcePath: `${MANUSCRIPT_DIR}/${chapter.name}`,
    translationPath: `${TRANSLATIONS_DIR}/${options.lang}/${chapter.name}`,
    status: chapter.documents[options.lang] ? String(chapter.documents[options.lang]?.frontMatter.status ?? 'draft') : 'missing',
    units: chapterUnits(chapter, sourceLang, options.lang),
  }));

  const single = options.out !== undefined && /\.(xlf|xliff)$/i.test(options.out);
  const outDir = options.out === undefined ? path.join(dir, 'build', 'xliff', options.lang) : path.resolve(options.out);
  const groups = single ? [{ file: outDir, chapters }] : chapters.map((chapter) => ({ file: path.join(outDir, chapter.name.replace(/\.md$/, '.xlf')), chapters: [chapter] }));
  const files: ExportedFile[] = [];
  for (const group of groups) {
    await mkdir(path.dirname(group.file), { recursive: true });
    await writeOutput(group.file, writeXliff(sourceLang, options.lang, group.chapters, book.glossary ?? []));
    const units = group.chapters.flatMap((chapter) => chapter.units);
    const states: Record<SegmentState, number> = { initial: 0, translated: 0, reviewed: 0, final: 0 };
    for (const unit of units) states[unit.state]++;
    files.push({ path: group.file, chapters: group.chapters.map((c) => c.name), units: units.length, states, stale: units.filter((u) => u.stale).length });
  }
  return { files, bookDiagnostics: book.diagnostics };
}
