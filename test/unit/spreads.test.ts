import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packSpreads, type SpreadItem } from '../../src/layout/spreads.js';

const item = (id: string, verso: number, recto: number, keepWithNext = false): SpreadItem => ({ id, verso, recto, keepWithNext });

describe('packSpreads', () => {
  it('fills a spread while both sides fit, then opens the next', () => {
    const items = [item('a', 40, 30), item('b', 40, 30), item('c', 40, 30)];
    expect(packSpreads(items, 100)).toEqual([['a', 'b'], ['c']]);
  });

  it('the taller side decides: a short verso does not let the recto overflow', () => {
    const items = [item('a', 10, 60), item('b', 10, 60)];
    expect(packSpreads(items, 100)).toEqual([['a'], ['b']]);
  });

  it('an exact fit stays on the spread', () => {
    expect(packSpreads([item('a', 50, 50), item('b', 50, 50)], 100)).toEqual([['a', 'b']]);
  });

  it('a heading moves with the item after it', () => {
    const items = [item('p1', 70, 70), item('h', 10, 10, true), item('p2', 25, 25)];
    expect(packSpreads(items, 100)).toEqual([['p1'], ['h', 'p2']]);
  });

  it('an item taller than a page is alone on its spread', () => {
    const items = [item('a', 20, 20), item('tall', 250, 90), item('b', 20, 20)];
    expect(packSpreads(items, 100)).toEqual([['a'], ['tall'], ['b']]);
  });

  it('a heading at the very end is kept, on the last spread', () => {
    expect(packSpreads([item('p', 50, 50), item('h', 10, 10, true)], 100)).toEqual([['p', 'h']]);
  });

  it('nothing to pack gives no spreads', () => {
    expect(packSpreads([], 100)).toEqual([]);
  });

  it('keeps every item once, in order, and no spread of several units overflows either side', () => {
    const arbitraryItems = fc.array(fc.record({ verso: fc.integer({ min: 0, max: 150 }), recto: fc.integer({ min: 0, max: 150 }), keepWithNext: fc.boolean() }), { maxLength: 40 });
    fc.assert(
      fc.property(arbitraryItems, (raw) => {
        const items = raw.map((r, n) => ({ id: `i${n}`, ...r }));
        const spreads = packSpreads(items, 100);
        expect(spreads.flat()).toEqual(items.map((i) => i.id));
        const byId = new Map(items.map((i) => [i.id, i]));
        for (const spread of spreads) {
          expect(spread.length).toBeGreaterThan(0);
          // A heading never ends a spread when something follows it.
          const last = byId.get(spread.at(-1)!)!;
          if (spread !== spreads.at(-1)) expect(last.keepWithNext).toBe(false);
          const unitStarts = spread.filter((id, n) => n === 0 || !byId.get(spread[n - 1]!)!.keepWithNext).length;
          if (unitStarts > 1) {
            expect(spread.reduce((sum, id) => sum + byId.get(id)!.verso, 0)).toBeLessThanOrEqual(100);
            expect(spread.reduce((sum, id) => sum + byId.get(id)!.recto, 0)).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });
});
