import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Node } from 'unist';
import { stringify as toYaml } from 'yaml';
import { loadConfig } from '../config/load.js';
import { loadBook } from '../manuscript/load.js';
import type { Block, ManuscriptDocument } from '../manuscript/model.js';
import { PACKAGE_ROOT } from '../paths.js';
import { syncFingerprints } from '../sync/sync.js';

/** How big a synthetic book is: chapters × sections × aligned rows (one paragraph per language each). */
export interface BookShape {
  chapters: number;
  sectionsPerChapter: number;
  rowsPerSection: number;
}

/**
 * About 1,000 pages in the trilingual A5 columns edition the generated book.yaml declares, measured
 * by printing it (see the report of issue 7): the Khmer column is the longest and sets the pages.
 */
export const THOUSAND_PAGES: BookShape = { chapters: 30, sectionsPerChapter: 6, rowsPerSection: 6 };

export const LANGUAGES = ['en', 'vi', 'km'] as const;
type Lang = (typeof LANGUAGES)[number];
type Texts = Record<Lang, string>;

/** The real text the synthetic book repeats: every fully translated row of the repository's own book. */
export interface SourceText {
  rows: Texts[];
  headings: Texts[];
}

/** Markdown of every row where en, vi and km all have a translated paragraph, as written (inline markup kept). */
export async function realText(bookDir: string = PACKAGE_ROOT): Promise<SourceText> {
  const book = await loadBook(bookDir, await loadConfig(bookDir), LANGUAGES);
  const rows: Texts[] = [];
  const headings: Texts[] = [];
  for (const chapter of book.chapters) {
    for (const section of chapter.sections) {
      const heading = LANGUAGES.map((lang) => markdownOf(chapter.documents[lang], section.headings[lang]?.children.length ? section.headings[lang] : undefined));
      if (heading.every(Boolean)) headings.push(texts(heading.map((text) => (text ?? '').replace(/^#+\s*/, '').replace(/\s*\{#[^}]*\}\s*$/, ''))));
      for (const row of section.rows) {
        const cells = LANGUAGES.map((lang) => paragraph(chapter.documents[lang], row.cells[lang]));
        if (cells.every(Boolean)) rows.push(texts(cells.map((text) => text ?? '')));
      }
    }
  }
  if (rows.length === 0 || headings.length === 0) throw new Error(`No fully translated paragraphs and headings in ${bookDir}`);
  return { rows, headings };
}

/** Every file of the synthetic book, path → text. Pure: the same shape and source give the same book. */
export function syntheticBook(shape: BookShape, source: SourceText): Map<string, string> {
  const files = new Map<string, string>();
  files.set('book.yaml', bookYaml());
  let row = 0;
  for (let c = 1; c <= shape.chapters; c++) {
    const name = `${String(c).padStart(3, '0')}-part.md`;
    for (const lang of LANGUAGES) {
      const heading = pick(source.headings, c);
      const front: Record<string, string> = { title: `${c}. ${heading[lang]}`, kind: 'chapter' };
      if (lang !== 'en') Object.assign(front, { status: 'draft', translator: 'parallel-press synthetic book' });
      const parts = [`---\n${toYaml(front).trim()}\n---\n`];
      let at = row;
      for (let s = 1; s <= shape.sectionsPerChapter; s++) {
        parts.push(`## ${pick(source.headings, c + s)[lang]} {#section-${s}}\n`);
        for (let r = 0; r < shape.rowsPerSection; r++) parts.push(`${pick(source.rows, at++)[lang]}\n`);
      }
      files.set(lang === 'en' ? `manuscript/${name}` : `translations/${lang}/${name}`, parts.join('\n'));
    }
    row += shape.sectionsPerChapter * shape.rowsPerSection;
  }
  return files;
}

/** Writes the synthetic book into `dir` (created) with recorded fingerprints; returns its markdown's size in bytes before they were recorded. */
export async function writeSyntheticBook(dir: string, shape: BookShape = THOUSAND_PAGES, source?: SourceText): Promise<number> {
  const files = syntheticBook(shape, source ?? (await realText()));
  let bytes = 0;
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
  }
  // Every translation vouches for the English it repeats, as a synced book does: check runs the stale rule for real.
  for (const lang of LANGUAGES.filter((l) => l !== 'en')) await syncFingerprints({ bookDir: dir, lang, sections: [], all: true });
  return bytes;
}

function bookYaml(): string {
  return toYaml({
    title: { en: 'A Synthetic Parallel Book', vi: 'Một cuốn sách song song tổng hợp', km: 'សៀវភៅប្រៀបធៀបសំយោគ' },
    identifier: 'urn:uuid:00000000-0000-4000-8000-000000001000',
    description: 'Real English, Vietnamese and Khmer paragraphs repeated to book length, for benchmarks.',
    languages: [...LANGUAGES],
    editions: [
      { id: 'synthetic-print', format: 'pdf', layout: 'columns', trim: 'A5' },
      { id: 'synthetic-interleaved', format: 'pdf', layout: 'interleaved', trim: 'A5' },
      { id: 'synthetic-facing', format: 'pdf', layout: 'facing', trim: 'A5', languages: ['en', 'vi'] },
      { id: 'synthetic-epub', format: 'epub' },
    ],
  });
}

function paragraph(doc: ManuscriptDocument | undefined, block: Block | undefined): string | undefined {
  if (!block || block.untranslated || block.node.type !== 'paragraph') return undefined;
  return markdownOf(doc, block.node);
}

/** The node's own markdown source, sliced from its file by position. */
function markdownOf(doc: ManuscriptDocument | undefined, node: Node | undefined): string | undefined {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  if (!doc || start === undefined || end === undefined) return undefined;
  return String(doc.file.value).slice(start, end).trim() || undefined;
}

function texts(values: string[]): Texts {
  return { en: values[0] ?? '', vi: values[1] ?? '', km: values[2] ?? '' };
}

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}
