import type { AlignedChapter } from '../manuscript/model.js';
import { chapterAnchor } from './chapter-parts.js';
import type { EmbeddedFace } from './edition-fonts.js';

/**
 * Where things land in print, learnt from a printed pass: the page of every anchor (chapters,
 * sections, rows) and which chapters need a blank verso before them to open on a recto.
 */
export interface Pagination {
  pages: ReadonlyMap<string, number>;
  blankBefore: ReadonlySet<string>;
  /** The faces the pass embedded: the colophon's `::edition-fonts` of the next pass names them. */
  faces?: readonly EmbeddedFace[];
}

export const UNPAGINATED: Pagination = { pages: new Map(), blankBefore: new Set() };

/**
 * The pagination the next pass should print with, from a pass printed with `previous`: which
 * chapters need a blank verso to open on a recto, and the page each chapter will then start on
 * (for the contents). Every chapter starts on a new page and left and right pages have the same
 * text width, so a chapter's length does not depend on where it starts: the measured pass gives
 * every start page exactly, unless the contents page itself changes length (the next pass tells).
 */
export function planPagination(chapters: readonly AlignedChapter[], previous: Pagination, measured: ReadonlyMap<string, number>): Pagination {
  const blankBefore = new Set<string>();
  const pages = new Map(measured);
  let previousBlanks = 0;
  let blanks = 0;
  for (const chapter of chapters) {
    const anchor = chapterAnchor(chapter);
    const printedAt = measured.get(anchor);
    if (printedAt === undefined) continue;
    if (previous.blankBefore.has(anchor)) previousBlanks += 1;
    // Where the chapter would start with no blank pages at all, then with those decided so far.
    let start = printedAt - previousBlanks + blanks;
    if (start % 2 === 0) {
      blankBefore.add(anchor);
      blanks += 1;
      start += 1;
    }
    pages.set(anchor, start);
  }
  return { pages, blankBefore };
}

/** True when a pass printed with `used` put every chapter where `used` said it would be. */
export function isSettled(chapters: readonly AlignedChapter[], used: Pagination, next: Pagination): boolean {
  const sameBlanks = used.blankBefore.size === next.blankBefore.size && [...used.blankBefore].every((a) => next.blankBefore.has(a));
  return sameBlanks && chapters.every((chapter) => used.pages.get(chapterAnchor(chapter)) === next.pages.get(chapterAnchor(chapter)));
}
