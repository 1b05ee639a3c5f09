import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bookSchema } from '../../src/config/schema.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { lintBook } from '../../src/lint/index.js';
import { loadBook } from '../../src/manuscript/load.js';
import type { Book } from '../../src/manuscript/model.js';

/**
 * Loads a fixture book that has no book.yaml (lint fixtures are only markdown): the languages are
 * en plus every directory under translations/. The one edition is an EPUB, unless the fixture has an
 * `editions.json` (a rule about print, such as running heads, needs a PDF edition).
 */
export async function loadFixtureBook(dir: string): Promise<Book> {
  let translated: string[] = [];
  try {
    translated = (await readdir(path.join(dir, 'translations'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    translated = [];
  }
  const languages = ['en', ...translated];
  const editions: unknown = await readFile(path.join(dir, 'editions.json'), 'utf8').then(JSON.parse, () => [{ id: 'fixture', format: 'epub' }]);
  const config = bookSchema.parse({
    title: Object.fromEntries(languages.map((lang) => [lang, 'Fixture'])),
    identifier: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    description: 'A lint fixture.',
    languages,
    editions,
  });
  return loadBook(dir, config);
}

/** Loader diagnostics and every lint rule's, as `check` reports them. */
export async function checkFixture(dir: string): Promise<Diagnostic[]> {
  const book = await loadFixtureBook(dir);
  return [...book.diagnostics, ...lintBook(book)];
}
