import type { FootnoteDefinition, Definition, Heading, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { PlacedTerm } from '../config/glossary-schema.js';
import type { BookConfig } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/index.js';

export type ChapterKind = 'title' | 'foreword' | 'chapter' | 'appendix' | 'colophon';

export interface FrontMatter {
  title?: string;
  subtitle?: string;
  /** The chapter title as the running head gives it, when the title is too long for one line there. */
  short_title?: string;
  author?: string;
  kind?: ChapterKind;
  status?: 'draft' | 'reviewed' | 'approved';
  translator?: string;
  /** Who reviewed the file (required with `reviewed` and `approved`), and when: YYYY-MM-DD. */
  reviewer?: string;
  reviewed?: string;
  /** Per section id, a review of that section alone: `{ status, reviewer, date }`. */
  reviews?: Record<string, unknown>;
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
  /** Row number (from 1) in the whole section, kept when an edition leaves out conditional rows: anchors stay the same in every edition. */
  position?: number;
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
  /** The terms of glossary.yaml (none when the book has no termbase). */
  glossary?: readonly PlacedTerm[];
}
