/**
 * Synchronised spreads (the reledpar / PTXprint diglot model): the verso carries one language, the
 * recto the other, and each spread the same blocks on both pages. Packing is pure: it takes the
 * measured height of every item on both sides and fills spreads while both sides fit.
 */
export interface SpreadItem {
  /** Element id of the item on both sides. */
  id: string;
  /** Heights in CSS px on the verso and the recto side. */
  verso: number;
  recto: number;
  /** A heading: it stays on the spread of the item after it. */
  keepWithNext: boolean;
}

/** One spread's items, by id. An item taller than a page is alone on its spread and continues on the next. */
export type SpreadGroup = string[];

export function packSpreads(items: readonly SpreadItem[], pageHeight: number): SpreadGroup[] {
  const units: SpreadItem[][] = [];
  let pending: SpreadItem[] = [];
  for (const item of items) {
    pending.push(item);
    if (!item.keepWithNext) {
      units.push(pending);
      pending = [];
    }
  }
  if (pending.length > 0) units.push(pending);
  const groups: SpreadGroup[] = [];
  let current: string[] = [];
  let verso = 0;
  let recto = 0;
  for (const unit of units) {
    const v = unit.reduce((sum, i) => sum + i.verso, 0);
    const r = unit.reduce((sum, i) => sum + i.recto, 0);
    if (current.length > 0 && (verso + v > pageHeight || recto + r > pageHeight)) {
      groups.push(current);
      current = [];
      verso = 0;
      recto = 0;
    }
    current.push(...unit.map((i) => i.id));
    verso += v;
    recto += r;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Spreads after a print showed that `overflowing` ran over a page on one side: the last unit of each
 * (with the headings kept with it) moves to the start of the next spread of its chapter, or to a new
 * spread after it. A spread of a single unit cannot shrink: it is returned as unmovable.
 */
export function repairSpreads(
  spreads: readonly SpreadGroup[],
  overflowing: readonly number[],
  items: readonly { id: string; chapter: unknown; keepWithNext: boolean }[],
): { spreads: readonly SpreadGroup[]; unmovable: number[] } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const next = spreads.map((group) => [...group]);
  const unmovable: number[] = [];
  const inserted: Map<number, string[]> = new Map();
  for (const n of overflowing) {
    const group = next[n] ?? [];
    let cut = group.length - 1;
    while (cut > 0 && byId.get(group[cut - 1] ?? '')?.keepWithNext) cut--;
    if (cut <= 0) {
      unmovable.push(n);
      continue;
    }
    const moved = group.splice(cut);
    const following = next[n + 1];
    const sameChapter = following !== undefined && byId.get(following[0] ?? '')?.chapter === byId.get(moved[0] ?? '')?.chapter;
    if (sameChapter && !overflowing.includes(n + 1)) following.unshift(...moved);
    else inserted.set(n, moved);
  }
  if (unmovable.length === overflowing.length) return { spreads, unmovable };
  const result: SpreadGroup[] = [];
  next.forEach((group, n) => {
    result.push(group);
    const extra = inserted.get(n);
    if (extra) result.push(extra);
  });
  return { spreads: result, unmovable };
}
