import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadGlossary } from '../config/glossary-load.js';
import type { BookConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { alignChapter } from './align.js';
import type { DocumentCache } from './document-cache.js';
import type { Book, ManuscriptDocument } from './model.js';
import { readDocuments, type ReadOptions } from './read-documents.js';

export const MANUSCRIPT_DIR = 'manuscript';
export const TRANSLATIONS_DIR = 'translations';

export type LoadOptions = ReadOptions;

/**
 * Loads the source manuscript and the translations of `languages` (default: all book languages),
 * parses, segments and aligns them. Never throws for bad input: every problem is a diagnostic.
 * The loader reports what only it can see (files, directories, encodings, markdown); the rules of
 * src/lint/ report on the loaded documents (alignment, ids, staleness, scripts…).
 */
export async function loadBook(bookDir: string, config: BookConfig, languages: readonly string[] = config.languages, options: LoadOptions = {}): Promise<Book> {
  const dir = path.resolve(bookDir);
  const sourceLang = config.languages[0] ?? 'en';
  const diagnostics: Diagnostic[] = [];
  const names = await listMarkdown(dir, MANUSCRIPT_DIR, diagnostics, `a ${MANUSCRIPT_DIR}/ directory with one .md file per chapter`);
  if (names && names.length === 0) {
    diagnostics.push({ file: `${MANUSCRIPT_DIR}/`, severity: 'error', ruleId: 'manuscript-empty', message: `No chapters in ${MANUSCRIPT_DIR}/: expected files such as ${MANUSCRIPT_DIR}/01-introduction.md` });
  }
  const translationLangs = languages.filter((lang) => lang !== sourceLang);
  const available = new Map<string, Set<string>>();
  for (const lang of translationLangs) {
    const rel = `${TRANSLATIONS_DIR}/${lang}`;
    const files = await listMarkdown(dir, rel, diagnostics, `a ${rel}/ directory holding the ${lang} translation of every file in ${MANUSCRIPT_DIR}/ (same file names)`);
    if (!files) continue;
    available.set(lang, new Set(files));
    for (const extra of files.filter((f) => !names?.includes(f))) {
      diagnostics.push({ file: `${rel}/${extra}`, severity: 'warning', ruleId: 'file-extra', message: `Translation ${rel}/${extra} has no source in ${MANUSCRIPT_DIR}/: expected a file of the same name there; it is not part of the book` });
    }
  }

  // Every file is read (and parsed, unless cached) before aligning, so that parsing can use several cores.
  const jobs = (names ?? []).flatMap((name) => [
    { rel: `${MANUSCRIPT_DIR}/${name}`, lang: sourceLang },
    ...translationLangs.filter((lang) => available.get(lang)?.has(name)).map((lang) => ({ rel: `${TRANSLATIONS_DIR}/${lang}/${name}`, lang })),
  ]);
  const parsed = await readDocuments(dir, jobs, options);
  const take = (rel: string): ManuscriptDocument | undefined => {
    const file = parsed.get(rel);
    diagnostics.push(...(file?.diagnostics ?? []));
    return file?.document;
  };

  const chapters: Book['chapters'] = [];
  for (const name of names ?? []) {
    const source = take(`${MANUSCRIPT_DIR}/${name}`);
    const translations: Record<string, ManuscriptDocument | undefined> = {};
    for (const lang of translationLangs) {
      const files = available.get(lang);
      if (!files) continue;
      const rel = `${TRANSLATIONS_DIR}/${lang}/${name}`;
      if (!files.has(name)) {
        diagnostics.push({ file: rel, severity: 'error', ruleId: 'file-missing', message: `Missing translation ${rel}: expected the ${lang} translation of ${MANUSCRIPT_DIR}/${name}; \`parallel-press scaffold ${lang}\` creates it with every block marked untranslated`, related: { file: `${MANUSCRIPT_DIR}/${name}` } });
        continue;
      }
      translations[lang] = take(rel);
    }
    if (!source) continue;
    chapters.push(alignChapter(source, translations));
  }
  const glossary = await loadGlossary(dir);
  diagnostics.push(...glossary.diagnostics);
  return { dir, config, sourceLang, chapters, diagnostics, glossary: glossary.terms };
}

async function listMarkdown(bookDir: string, rel: string, diagnostics: Diagnostic[], expected: string): Promise<string[] | undefined> {
  try {
    const entries = await readdir(path.join(bookDir, rel), { withFileTypes: true });
    return entries
      .filter((e) => !e.isDirectory() && e.name.endsWith('.md'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push({ file: `${rel}/`, severity: 'error', ruleId: 'missing-directory', message: `Cannot read ${rel}/ (${code}): expected ${expected}` });
    return undefined;
  }
}

/** Reads, decodes, parses and segments one markdown file; undefined (with a diagnostic) if unreadable. */
export async function readDocument(bookDir: string, rel: string, lang: string, diagnostics: Diagnostic[], cache?: DocumentCache): Promise<ManuscriptDocument | undefined> {
  const parsed = (await readDocuments(path.resolve(bookDir), [{ rel, lang }], cache ? { cache } : {})).get(rel);
  diagnostics.push(...(parsed?.diagnostics ?? []));
  return parsed?.document;
}
