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
  /** Row number (from 1) in the whole section, kept when an edition leaves out conditional rows: anchors stay the same in every edition. */
  position?: number;
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
}

export interface Book {
  dir: string;
  config: BookConfig;
  sourceLang: string;
  chapters: AlignedChapter[];
  diagnostics: Diagnostic[];
}
