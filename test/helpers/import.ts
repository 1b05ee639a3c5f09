import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { englishWords, importArticle, type ImportedArticle } from '../../src/import/index.js';
import { FIXTURES } from './cli.js';

export const IMPORT_FIXTURES = path.join(FIXTURES, 'import');

/** The captured-article cases: every test/fixtures/import/<case>/input.txt. */
export const IMPORT_CASES = readdirSync(IMPORT_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(path.join(IMPORT_FIXTURES, entry.name)).includes('input.txt'))
  .map((entry) => entry.name);

export async function readInput(name: string): Promise<string> {
  return readFile(path.join(IMPORT_FIXTURES, name, 'input.txt'), 'utf8');
}

/** Imports a fixture case with the real dictionary; fails the test if the import is refused. */
export async function importCase(name: string): Promise<ImportedArticle> {
  const result = importArticle(await readInput(name), 'input.txt', await englishWords());
  if ('error' in result) throw new Error(`import of ${name} failed: ${result.error.message}`);
  return result;
}

/** The repair list as the CLI prints it, for a source shown as `input.txt`. */
export function repairReport(article: ImportedArticle): string {
  return article.repairs.map((repair) => `input.txt:${repair.line}: ${repair.message}\n`).join('');
}
