import { describe, expect, it } from 'vitest';
import { isSettled, planPagination, UNPAGINATED, type Pagination } from '../../src/layout/pagination.js';
import type { AlignedChapter } from '../../src/manuscript/model.js';

const chapter = (name: string): AlignedChapter => ({ name, kind: 'chapter', documents: {}, sections: [] });
const A = chapter('01-a.md');
const B = chapter('02-b.md');
const C = chapter('03-c.md');
const chapters = [A, B, C];

describe('planPagination', () => {
  it('adds a blank verso before every chapter that would open on an even page, and moves the later ones', () => {
    // Printed with no blanks: a on 3, b on 6 (even), c on 9.
    const measured = new Map([['ch-01-a', 3], ['ch-02-b', 6], ['ch-03-c', 9], ['ch-02-b--_lead--1', 6]]);
    const plan = planPagination(chapters, UNPAGINATED, measured);
    // b moves to 7; c, pushed by b's blank to 10 (even), gets a blank too and lands on 11.
    expect([...plan.blankBefore]).toEqual(['ch-02-b', 'ch-03-c']);
    expect(plan.pages.get('ch-01-a')).toBe(3);
    expect(plan.pages.get('ch-02-b')).toBe(7);
    expect(plan.pages.get('ch-03-c')).toBe(11);
    // Other anchors keep the measured page.
    expect(plan.pages.get('ch-02-b--_lead--1')).toBe(6);
  });

  it('counts the blanks of the pass it was measured on before placing chapters again', () => {
    const previous: Pagination = { pages: new Map([['ch-01-a', 3], ['ch-02-b', 7], ['ch-03-c', 11]]), blankBefore: new Set(['ch-02-b', 'ch-03-c']) };
    // That pass printed exactly as planned: the plan is the same, and settled.
    const measured = new Map([['ch-01-a', 3], ['ch-02-b', 7], ['ch-03-c', 11]]);
    const next = planPagination(chapters, previous, measured);
    expect([...next.blankBefore].sort()).toEqual(['ch-02-b', 'ch-03-c']);
    expect(next.pages.get('ch-03-c')).toBe(11);
    expect(isSettled(chapters, previous, next)).toBe(true);
  });

  it('a longer contents page shifts every chapter: not settled, and the next plan follows', () => {
    const used = planPagination(chapters, UNPAGINATED, new Map([['ch-01-a', 3], ['ch-02-b', 5], ['ch-03-c', 7]]));
    expect(used.blankBefore.size).toBe(0);
    const measured = new Map([['ch-01-a', 4], ['ch-02-b', 6], ['ch-03-c', 8]]);
    const next = planPagination(chapters, used, measured);
    expect(isSettled(chapters, used, next)).toBe(false);
    expect([...next.blankBefore]).toEqual(['ch-01-a']);
    expect([A, B, C].map((c) => next.pages.get(`ch-${c.name.replace('.md', '')}`))).toEqual([5, 7, 9]);
  });

  it('a chapter that did not print is left out', () => {
    const plan = planPagination(chapters, UNPAGINATED, new Map([['ch-01-a', 4]]));
    expect([...plan.blankBefore]).toEqual(['ch-01-a']);
    expect(plan.pages.has('ch-02-b')).toBe(false);
  });
});
