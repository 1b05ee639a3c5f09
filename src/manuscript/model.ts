import type { FootnoteDefinition, Definition, Heading, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { BookConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/index.js';

export type ChapterKind = 'title' | 'foreword' | 'chapter' | 'appendix' | 'colophon';

export interface FrontMatter {
  title?: string;
  subtitle?: string;
  author?: string;
  kind?: ChapterKind;
  status?: 'draft' | 'reviewed';
  translator?: string;
  /** Per section id, the fingerprint of the source text a translation was made from. */
  fingerprints?: Record<string, string>;
  [key: string]: unknown;
}

/** One aligned unit: a paragraph, list, quote, table, figure… */
export interface Block {
  node: RootContent;
  /** Marked `:::untranslated` in a translation: layout keeps the row, with no text. */
  untranslated: boolean;
  /** Set on a list item or table row cut out of its block (src/manuscript/units.ts). */
  unit?: UnitPlace;
}

/** Where a unit sits in its block: item 2.1 of a list (path [2, 1]), row 3 of a table. */
export interface UnitPlace {
  kind: 'item' | 'row';
  path: number[];
  ordered: boolean;
  /** An ordered item's number as written in its own list (its `start` plus its index). */
  number: number;
  depth: number;
}

export interface Section {
  /** The `{#id}` of the heading; '' for the lead section before the first heading. */
  id: string;
  heading: Heading | undefined;
  blocks: Block[];
}

/** One markdown file of one language, parsed and segmented. */
export interface ManuscriptDocument {
  lang: string;
  /** Path relative to the book directory, with forward slashes. */
  path: string;
  file: VFile;
  frontMatter: FrontMatter;
  sections: Section[];
  /** Link reference and footnote definitions, needed to render the blocks that use them. */
  definitions: (Definition | FootnoteDefinition)[];
}

/** Row n of a section: block n of every language (undefined where a translation lacks it). */
export interface AlignedRow {
  cells: Record<string, Block | undefined>;
  /** Set on the row of a list item or table row: what it is in the source. */
  unit?: UnitPlace;
}

/** Footnote n of a chapter in every language (numbered per language by first reference). */
export interface AlignedNote {
  number: number;
  /** Per language, the footnote label used in that language's file. */
  labels: Record<string, string | undefined>;
}

export interface AlignedSection {
  id: string;
  headings: Record<string, Heading | undefined>;
  rows: AlignedRow[];
}

export interface AlignedChapter {
  /** File name shared by the source and its translations, e.g. `02-friendship.md`. */
  name: string;
  kind: ChapterKind;
  documents: Record<string, ManuscriptDocument | undefined>;
  sections: AlignedSection[];
  /** The chapter's footnotes, aligned by order of first reference; printed at the chapter's end. */
  notes: AlignedNote[];
}

export interface Book {
  dir: string;
  config: BookConfig;
  sourceLang: string;
  chapters: AlignedChapter[];
  diagnostics: Diagnostic[];
}
