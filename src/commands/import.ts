import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnosticsToJson, formatDiagnostics, hasErrors, UserError, type Diagnostic } from '../diagnostics/index.js';
import { chapterSlug, chapterTarget, englishWords, importArticle, writeChapter, type Repair } from '../import/index.js';
import { decodeManuscript } from '../manuscript/decode.js';
import { EXIT_OK, EXIT_USER_ERROR, runCommand } from './run-command.js';

export interface ImportCommandOptions {
  out?: string;
  force?: boolean;
  json?: boolean;
}

interface ImportResult {
  source: string;
  output: string;
  frontMatter: Record<string, string>;
  repairs: Repair[];
}

const DEFAULT_OUT = 'manuscript';

/** `parallel-press import FILE... [--out DIR] [--force] [--json]`: captured articles → chapters. */
export async function importCommand(files: string[], options: ImportCommandOptions): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const outDir = path.resolve(options.out ?? DEFAULT_OUT);
    if (options.out === undefined && !(await isDirectory(outDir))) {
      throw new UserError({ file: `${DEFAULT_OUT}/`, severity: 'error', ruleId: 'import-out', message: `Cannot find ${DEFAULT_OUT}/ here: expected to run in a book directory (the one holding book.yaml), or pass --out DIR` });
    }
    const dictionary = await englishWords();
    const results: ImportResult[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const file of files) {
      const result = await importFile(file, outDir, options.force ?? false, dictionary, diagnostics);
      if (result) results.push(result);
    }
    const ok = !hasErrors(diagnostics);
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok, imports: results, diagnostics: diagnosticsToJson(diagnostics) }, null, 2)}\n`);
    } else {
      for (const result of results) {
        for (const repair of result.repairs) process.stdout.write(`${result.source}:${repair.line}: ${repair.message}\n`);
        process.stdout.write(`wrote ${result.output} (${summariseRepairs(result.repairs)})\n`);
      }
      if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
    }
    return ok ? EXIT_OK : EXIT_USER_ERROR;
  });
}

async function importFile(file: string, outDir: string, force: boolean, dictionary: ReadonlySet<string>, diagnostics: Diagnostic[]): Promise<ImportResult | undefined> {
  const source = shown(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push({ file: source, severity: 'error', ruleId: 'import-read', message: `Cannot read ${source} (${code}): expected a captured article, a UTF-8 text file` });
    return undefined;
  }
  const decoded = decodeManuscript(bytes, source);
  if ('error' in decoded) {
    diagnostics.push(decoded.error);
    return undefined;
  }
  diagnostics.push(...decoded.diagnostics);
  const article = importArticle(decoded.text, source, dictionary);
  if ('error' in article) {
    diagnostics.push(article.error);
    return undefined;
  }
  const target = await chapterTarget(outDir, chapterSlug(article.credits.title ?? ''));
  const output = shown(target.file);
  const refuse = (): undefined => {
    diagnostics.push({ file: output, severity: 'error', ruleId: 'import-exists', message: `Refusing to overwrite ${output} with the import of ${source}: the file exists (imported before?); pass --force to replace it, or move it away first` });
    return undefined;
  };
  if (target.exists && !force) return refuse();
  try {
    await writeChapter(target.file, article.markdown, force);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return refuse();
    throw error;
  }
  return { source, output, frontMatter: article.frontMatter, repairs: article.repairs };
}

function summariseRepairs(repairs: readonly Repair[]): string {
  const counts = new Map<string, number>();
  for (const repair of repairs) counts.set(repair.kind, (counts.get(repair.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, count]) => `${count} ${kind}`);
  return parts.length > 0 ? `${repairs.length} repairs: ${parts.join(', ')}` : 'no repairs';
}

/** Paths as the user would type them: relative to the working directory when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(file) : relative.split(path.sep).join('/');
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false);
}
