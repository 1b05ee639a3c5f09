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
