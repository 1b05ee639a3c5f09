import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, ROOT, runCli } from './cli.js';
import { nonEmpty } from './non-empty.js';

export interface BuiltEpub {
  book: string;
  bookDir: string;
  id: string;
  languages: string[];
  file: string;
}

/** The books whose EPUB editions the EPUB tests build: the repo's own, and fixtures with an image and one language. */
export const EPUB_BOOKS = [ROOT, path.join(FIXTURES, 'books/illustrated')];

/** Builds only the EPUB editions of a book (with SOURCE_DATE_EPOCH, as a release would) into a fresh directory. */
export async function buildEpubs(bookDir: string, env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: '1767225600' }): Promise<BuiltEpub[]> {
  const config = parseYaml(await readFile(path.join(bookDir, 'book.yaml'), 'utf8')) as { languages: string[]; editions: { id: string; format: string; languages?: string[] }[] };
  const editions = nonEmpty(config.editions.filter((e) => e.format === 'epub'), `EPUB editions of ${bookDir}`);
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-epub-'));
  // The repository's book prints two PDF editions for their page breaks: minutes on a loaded machine.
  const result = await runCli(['build', bookDir, '--out', outDir, ...editions.flatMap((e) => ['--edition', e.id])], { env, timeoutMs: 400_000 });
  if (result.code !== 0) throw new Error(`build of ${bookDir} failed: ${result.stderr}`);
  return editions.map((e) => ({
    book: path.basename(bookDir),
    bookDir,
    id: e.id,
    languages: e.languages ?? config.languages,
    file: path.join(outDir, `${e.id}.epub`),
  }));
}

/** Runs `task` over `items`, at most `limit` at a time (Ace and epubcheck each start a browser or a JVM). */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += limit) results.push(...(await Promise.all(items.slice(i, i + limit).map(task))));
  return results;
}
