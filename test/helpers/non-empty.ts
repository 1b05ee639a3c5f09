import { expect } from 'vitest';

/**
 * A filtered list a test loops over, asserted non-empty: a loop over nothing passes whatever the
 * code does (an edition renamed or its layout changed would silently skip the checks).
 */
export function nonEmpty<T>(list: readonly T[], what = 'the filtered list'): readonly T[] {
  expect(list.length, `${what} is empty: the loop over it would check nothing`).toBeGreaterThan(0);
  return list;
}
