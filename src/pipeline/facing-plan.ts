import type { FacingItem, Side } from '../layout/facing.js';
import { packSpreads, type SpreadGroup } from '../layout/spreads.js';

/** What both facing printers share: the one-document print and the side-by-side fallback. */
export const SIDES: readonly Side[] = ['verso', 'recto'];

/** Measured heights are screen layout; leave a little room for what pagination adds (rounding, widows). */
export const FILL = 0.97;

/** Spreads never cross chapters: each chapter opens a spread. */
export function packChapters(items: readonly FacingItem[], verso: ReadonlyMap<string, number>, recto: ReadonlyMap<string, number>, pageHeight: number): SpreadGroup[] {
  const chapters = [...new Set(items.map((i) => i.chapter))];
  return chapters.flatMap((chapter) =>
    packSpreads(
      items.filter((i) => i.chapter === chapter).map((i) => ({ id: i.id, verso: verso.get(i.id) ?? 0, recto: recto.get(i.id) ?? 0, keepWithNext: i.keepWithNext })),
      pageHeight,
    ),
  );
}
