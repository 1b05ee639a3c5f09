import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE } from '../config/load.js';
import { languageCode } from '../config/schema.js';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { ensureOutputDir, writeOutput } from '../fs/atomic.js';
import { MANUSCRIPT_DIR, TRANSLATIONS_DIR } from '../manuscript/load.js';
import { TEMPLATES_DIR, TOOL_VERSION } from '../paths.js';
import { scaffoldLanguage } from '../scaffold/scaffold.js';
import { isKnownLanguage, SCRIPTS } from '../text/scripts.js';
import { newBookYaml } from './book-yaml.js';
import { sampleChapter } from './sample-chapter.js';
import { exists } from '../fs/exists.js';

export interface InitOptions {
  title: string;
  /** Source language first. */
  languages: readonly string[];
}

export interface InitResult {
  dir: string;
  /** Files written, relative to the book directory. */
  files: string[];
  diagnostics: Diagnostic[];
}

const SAMPLE_CHAPTER = '01-first-chapter.md';
export const WORKFLOW_FILE = '.github/workflows/build.yml';

/**
 * A new book in `bookDir`: book.yaml (a fresh identifier, one PDF and one EPUB edition), a sample
 * chapter, its translations scaffolded, a .gitignore for build/ and a CI workflow that builds every
 * edition. Refuses a directory that already holds a book, so nothing of one is ever overwritten.
 */
export async function initBook(bookDir: string, options: InitOptions): Promise<InitResult> {
  const dir = path.resolve(bookDir);
  checkLanguages(options.languages);
  await refuseExistingBook(dir);
  const translations = options.languages.slice(1);
  const files: [string, string][] = [
    [CONFIG_FILE, newBookYaml(options)],
    [`${MANUSCRIPT_DIR}/${SAMPLE_CHAPTER}`, sampleChapter(options.title)],
    ['.gitignore', 'build/\nnode_modules/\n'],
    [WORKFLOW_FILE, await workflow()],
  ];
  const written: string[] = [];
  for (const [rel, text] of files) {
    const file = path.join(dir, rel);
    // A book started in an existing repository keeps its .gitignore (build/ is added) and its workflow.
    const existing = await readFile(file, 'utf8').catch(() => undefined);
    if (existing !== undefined && rel !== '.gitignore') continue;
    await ensureOutputDir(path.dirname(file));
    await writeOutput(file, existing === undefined ? text : withLines(existing, text));
    written.push(rel);
  }
  const diagnostics: Diagnostic[] = [];
  for (const lang of translations) {
    const result = await scaffoldLanguage(dir, lang);
    written.push(...result.files.filter((f) => f.action === 'created').map((f) => f.path));
    diagnostics.push(...result.diagnostics);
  }
  return { dir, files: written, diagnostics };
}

/** `existing` with the lines of `wanted` it lacks appended. */
function withLines(existing: string, wanted: string): string {
  const have = new Set(existing.split('\n').map((line) => line.trim()));
  const missing = wanted.split('\n').filter((line) => line !== '' && !have.has(line));
  if (missing.length === 0) return existing;
  return `${existing}${existing.endsWith('\n') || existing === '' ? '' : '\n'}${missing.join('\n')}\n`;
}

/** The CI workflow template, with the version of parallel-press that made the book. */
async function workflow(): Promise<string> {
  const template = await readFile(path.join(TEMPLATES_DIR, 'ci', 'github-workflow.yml'), 'utf8');
  return template.replaceAll('{{version}}', TOOL_VERSION);
}

function checkLanguages(languages: readonly string[]): void {
  if (languages.length === 0) throw new UserError(languagesError('at least one language, the source language first, e.g. --languages en,vi,km'));
  const seen = new Set<string>();
  for (const lang of languages) {
    if (!languageCode.safeParse(lang).success) throw new UserError(languagesError(`BCP 47 language codes such as en, vi or km; "${lang}" is not one`));
    if (seen.has(lang)) throw new UserError(languagesError(`each language once; "${lang}" is given twice`));
    seen.add(lang);
    if (!isKnownLanguage(lang)) {
      throw new UserError(
        languagesError(
          `languages the font table knows; "${lang}" is not in it (scripts: ${SCRIPTS.map((s) => s.name).join(', ')}). Add the language to src/text/scripts.ts, or start with a known one and add it to book.yaml by hand`,
        ),
      );
    }
  }
}

function languagesError(expected: string): Diagnostic {
  return { file: '--languages', severity: 'error', ruleId: 'init-languages', message: `Unexpected --languages: expected ${expected}` };
}

/** A book is there when book.yaml is, or a manuscript/ or translations/ folder with files in it. */
async function refuseExistingBook(dir: string): Promise<void> {
  const found: string[] = [];
  if (await exists(path.join(dir, CONFIG_FILE))) found.push(CONFIG_FILE);
  for (const folder of [MANUSCRIPT_DIR, TRANSLATIONS_DIR]) {
    if ((await entries(path.join(dir, folder))).length > 0) found.push(`${folder}/`);
  }
  if (found.length === 0) return;
  throw new UserError({
    file: path.join(dir, found[0] ?? CONFIG_FILE),
    severity: 'error',
    ruleId: 'init-exists',
    message: `A book is already in ${dir} (${found.join(', ')}): expected an empty or new directory; \`init\` never overwrites a book. Choose another directory, e.g. \`parallel-press init ${path.basename(dir)}-2\`.`,
  });
}


async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
