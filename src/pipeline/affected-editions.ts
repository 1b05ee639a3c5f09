import path from 'node:path';
import type { Edition } from '../config/schema.js';
import { CONFIG_FILE } from '../config/load.js';
import { TRANSLATIONS_DIR } from '../manuscript/load.js';

export interface BookPlaces {
  bookDir: string;
  templatesDir: string;
}

/**
 * The editions a set of changed files can affect: a translation only the editions in its language,
 * the EPUB templates only EPUBs, print.css only PDFs (and the EPUBs that take their page breaks from one); book.yaml, the source manuscript, images and
 * anything else every edition. Layout is redone for a whole edition; parsing only for changed files.
 */
export function affectedEditions(changed: readonly string[], editions: readonly Edition[], places: BookPlaces, bookEditions: readonly Edition[] = editions): Edition[] {
  const hit = new Set<Edition>();
  for (const file of changed) for (const edition of editions.filter((e) => affects(file, e, places) || movesPageBreaks(file, e, places, bookEditions))) hit.add(edition);
  return editions.filter((e) => hit.has(e));
}

/** An EPUB's page breaks are where its print edition's pages begin: what repaginates that PDF moves them. */
function movesPageBreaks(file: string, edition: Edition, places: BookPlaces, bookEditions: readonly Edition[]): boolean {
  if (edition.format !== 'epub' || edition.pageBreaksFrom === undefined) return false;
  const source = bookEditions.find((e) => e.id === edition.pageBreaksFrom);
  return source !== undefined && affects(file, source, places);
}

function affects(file: string, edition: Edition, { bookDir, templatesDir }: BookPlaces): boolean {
  const template = inside(templatesDir, file);
  if (template !== undefined) {
    if (/^epub([./\\]|$)/.test(template)) return edition.format === 'epub';
    if (/^print[./\\]/.test(template)) return edition.format === 'pdf';
    if (/^preview([/\\]|$)/.test(template)) return false;
    return true;
  }
  const rel = inside(bookDir, file);
  if (rel === CONFIG_FILE) return true;
  const [top, lang] = (rel ?? '').split(/[/\\]/);
  if (top === TRANSLATIONS_DIR && lang !== undefined) return edition.languages.includes(lang);
  return true;
}

function inside(root: string, file: string): string | undefined {
  const rel = path.relative(path.resolve(root), path.resolve(file));
  return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? undefined : rel;
}
