import type { Book, ManuscriptDocument, Section } from '../manuscript/model.js';
import { blockState, blockText, isUnitTranslated } from '../manuscript/block-state.js';
import { fingerprintUnits, recordedFingerprints } from '../manuscript/fingerprint.js';
import { toString } from 'mdast-util-to-string';
import { sectionReviews } from '../manuscript/review.js';
import { blockUnits, footnoteLabels } from '../manuscript/units.js';
import { countWords } from './words.js';

export interface SectionCounts {
  total: number;
  /** Every block translated. */
  translated: number;
  /** Present, but with blocks untranslated, empty or missing. */
  untranslated: number;
  /** Absent from the translation. */
  missing: number;
  /** Translated from English that has changed since (fingerprint differs). */
  stale: number;
  /** Translated, but no fingerprint recorded yet. */
  unsynced: number;
}

export interface BlockCounts {
  total: number;
  translated: number;
  untranslated: number;
  empty: number;
  missing: number;
}

/** List items, table rows or footnotes: the units inside blocks (src/manuscript/units.ts). */
export interface UnitCounts {
  total: number;
  /** With a twin in the translation that holds text. */
  translated: number;
  /** Without a twin: the translated list, table or section is shorter, or the block is absent. */
  missing: number;
}

export interface ChapterProgress {
  file: string;
  /** The translation file, null when it does not exist (or cannot be read). */
  path: string | null;
  status: 'draft' | 'reviewed' | 'approved' | 'missing';
  sections: SectionCounts;
  blocks: BlockCounts;
  items: UnitCounts;
  rows: UnitCounts;
  notes: UnitCounts;
  words: { source: number; translated: number };
  /** Fingerprint keys (`_lead` or section ids) whose English changed since translation. */
  staleSections: string[];
  /** Sections reviewed or approved whose English or translation changed since (or never recorded). */
  needsReview: string[];
  /** Who reviewed this chapter (the file's reviewer and those of its sections), each once. */
  reviewers: string[];
}

export interface LanguageProgress {
  lang: string;
  /** Reviewed only when every chapter is. */
  status: 'draft' | 'reviewed';
  /** Everyone who reviewed a chapter or section of this language, each once. */
  reviewers: string[];
  totals: Omit<ChapterProgress, 'file' | 'path' | 'status' | 'staleSections' | 'needsReview' | 'reviewers'>;
  chapters: ChapterProgress[];
}

export interface BookProgress {
  sourceLang: string;
  languages: LanguageProgress[];
}

/** Where every translation stands, chapter by chapter: what `status` shows. */
export function bookProgress(book: Book): BookProgress {
  const languages = book.config.languages.filter((lang) => lang !== book.sourceLang);
  return {
    sourceLang: book.sourceLang,
    languages: languages.map((lang) => {
      const chapters = book.chapters.flatMap((chapter) => {
        const source = chapter.documents[book.sourceLang];
        return source ? [chapterProgress(chapter.name, source, chapter.documents[lang], lang)] : [];
      });
      return {
        lang,
        status: chapters.length > 0 && chapters.every((c) => c.status === 'reviewed' || c.status === 'approved') ? 'reviewed' : 'draft',
        reviewers: [...new Set(chapters.flatMap((c) => c.reviewers))],
        totals: {
          sections: sum(chapters.map((c) => c.sections), { total: 0, translated: 0, untranslated: 0, missing: 0, stale: 0, unsynced: 0 }),
          blocks: sum(chapters.map((c) => c.blocks), { total: 0, translated: 0, untranslated: 0, empty: 0, missing: 0 }),
          items: sum(chapters.map((c) => c.items), { total: 0, translated: 0, missing: 0 }),
          rows: sum(chapters.map((c) => c.rows), { total: 0, translated: 0, missing: 0 }),
          notes: sum(chapters.map((c) => c.notes), { total: 0, translated: 0, missing: 0 }),
          words: sum(chapters.map((c) => c.words), { source: 0, translated: 0 }),
        },
        chapters,
      };
    }),
  };
}

function chapterProgress(file: string, source: ManuscriptDocument, translation: ManuscriptDocument | undefined, lang: string): ChapterProgress {
  const sections: SectionCounts = { total: 0, translated: 0, untranslated: 0, missing: 0, stale: 0, unsynced: 0 };
  const blocks: BlockCounts = { total: 0, translated: 0, untranslated: 0, empty: 0, missing: 0 };
  const units = { item: zeroUnits(), row: zeroUnits(), note: zeroUnits() };
  const words = { source: countWords(titleOf(source), source.lang), translated: translation ? countWords(titleOf(translation), lang) : 0 };
  for (const section of alignable(source)) {
    sections.total++;
    blocks.total += section.blocks.length;
    words.source += countWords(sectionText(section), source.lang);
    const twin = translation?.sections.find((s) => s.id === section.id);
    countUnits(section, twin, units);
    if (!twin) {
      sections.missing++;
      blocks.missing += section.blocks.length;
      continue;
    }
    // A heading still in English (as scaffold leaves it) is not translated text.
    const heading = twin.heading ? toString(twin.heading) : '';
    if (!section.heading || heading !== toString(section.heading)) words.translated += countWords(heading, lang);
    let complete = true;
    section.blocks.forEach((_, index) => {
      const block = twin.blocks[index];
      const state = block ? blockState(block) : 'missing';
      blocks[state]++;
      if (state !== 'translated') complete = false;
      else if (block) words.translated += countWords(blockText(block.node), lang);
    });
    if (complete) sections.translated++;
    else sections.untranslated++;
  }
  const staleSections: string[] = [];
  if (translation) {
    const recorded = recordedFingerprints(translation);
    for (const unit of fingerprintUnits(source)) {
      if (!isUnitTranslated(translation, unit.key)) continue;
      const was = recorded.get(unit.key);
      if (was === undefined) sections.unsynced++;
      else if (was !== unit.hash) staleSections.push(unit.key);
    }
  }
  sections.stale = staleSections.length;
  const reviews = translation ? sectionReviews(source, translation) : [];
  const status = translation?.frontMatter.status;
  return {
    file,
    path: translation?.path ?? null,
    status: translation ? (status === 'reviewed' || status === 'approved' ? status : 'draft') : 'missing',
    sections,
    blocks,
    items: units.item,
    rows: units.row,
    notes: units.note,
    words,
    staleSections,
    needsReview: reviews.filter((r) => r.state === 'outdated').map((r) => r.key),
    reviewers: [...new Set(reviews.flatMap((r) => (r.state !== 'draft' && r.review.reviewer ? [r.review.reviewer] : [])))],
  };
}

function zeroUnits(): UnitCounts {
  return { total: 0, translated: 0, missing: 0 };
}

/** Items and rows of every list and table of a section, matched by path; footnotes by order. */
function countUnits(section: Section, twin: Section | undefined, counts: Record<'item' | 'row' | 'note', UnitCounts>): void {
  section.blocks.forEach((block, index) => {
    const other = twin?.blocks[index];
    const theirs = other && !other.untranslated && other.node.type === block.node.type ? blockUnits(other) : [];
    for (const unit of blockUnits(block)) {
      if (!unit.unit) continue;
      const path = unit.unit.path.join('.');
      const match = theirs.find((t) => t.unit?.path.join('.') === path);
      const tally = counts[unit.unit.kind];
      tally.total++;
      if (!match) tally.missing++;
      else if (blockState(match) === 'translated') tally.translated++;
    }
  });
  const expected = footnoteLabels(section.blocks.map((b) => b.node)).length;
  const found = twin ? footnoteLabels(twin.blocks.filter((b) => !b.untranslated).map((b) => b.node)).length : 0;
  counts.note.total += expected;
  counts.note.translated += Math.min(expected, found);
  counts.note.missing += Math.max(0, expected - found);
}

/** Sections a translation can be matched against: the lead and those with ids. */
function alignable(doc: ManuscriptDocument): Section[] {
  return doc.sections.filter((s) => !s.heading || s.id !== '');
}

function sectionText(section: Section): string {
  return [section.heading ? toString(section.heading) : '', ...section.blocks.map((b) => blockText(b.node))].join('\n');
}

function titleOf(doc: ManuscriptDocument): string {
  return typeof doc.frontMatter.title === 'string' ? doc.frontMatter.title : '';
}

function sum<T extends Record<string, number>>(items: readonly T[], zero: T): T {
  const total: Record<string, number> = { ...zero };
  for (const item of items) for (const key of Object.keys(zero)) total[key] = (total[key] ?? 0) + (item[key] ?? 0);
  return total as T;
}
