import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatPlace, type Diagnostic } from '../src/diagnostics/index.js';
import { RULE_CATALOGUE } from '../src/lint/index.js';
import { FIXTURES } from './helpers/cli.js';
import { checkFixture } from './helpers/lint.js';

/**
 * Every rule has a failing and a passing fixture book under test/fixtures/lint/<rule>/. The failing
 * one must produce exactly the listed findings (rule id, severity, file:line:column) among the rule's
 * ids; the passing one none of them and no error at all.
 */
const RULES: Record<string, { ids: string[]; fail: string[] }> = {
  files: {
    ids: ['file-missing', 'file-extra'],
    fail: ['file-extra warning translations/vi/03-lake.md', 'file-missing error translations/vi/02-sea.md'],
  },
  'heading-ids': {
    ids: ['heading-id-missing', 'heading-id-duplicate'],
    fail: ['heading-id-duplicate error manuscript/01-river.md:13:1', 'heading-id-missing error manuscript/01-river.md:17:1'],
  },
  sections: {
    ids: ['section-missing', 'section-extra'],
    fail: [
      'section-missing error translations/km/01-river.md:1:1',
      'section-missing error translations/vi/01-river.md:6:1',
      'section-extra error translations/vi/01-river.md:8:1',
    ],
  },
  blocks: {
    ids: ['block-missing', 'block-extra'],
    fail: ['block-missing error translations/km/01-river.md:10:1', 'block-extra error translations/vi/01-river.md:14:1'],
  },
  'running-heads': {
    ids: ['running-head-too-long'],
    fail: ['running-head-too-long warning manuscript/01-anniversary.md:2:1', 'running-head-too-long warning translations/vi/01-anniversary.md:3:1'],
  },
  units: {
    ids: ['item-missing', 'item-extra', 'row-missing', 'row-extra', 'note-missing', 'note-extra'],
    fail: [
      'item-extra error translations/km/01-accord.md:12:4',
      'item-missing error translations/vi/01-accord.md:11:4',
      'note-extra error translations/km/01-accord.md:8:1',
      'note-missing error translations/vi/01-accord.md:8:1',
      'row-extra error translations/vi/01-accord.md:17:1',
      'row-missing error translations/km/01-accord.md:17:1',
    ],
  },
  stale: {
    ids: ['section-stale', 'section-unsynced'],
    fail: [
      'section-unsynced info translations/km/01-river.md:10:1',
      'section-stale warning translations/vi/01-river.md:11:1',
      'section-unsynced info translations/vi/02-sea.md:1:1',
    ],
  },
  untranslated: {
    ids: ['block-untranslated', 'title-untranslated'],
    fail: ['block-untranslated warning translations/km/01-river.md:12:1', 'title-untranslated warning translations/vi/01-river.md:1:1'],
  },
  'empty-blocks': {
    ids: ['block-empty'],
    fail: ['block-empty warning translations/vi/01-river.md:8:1', 'block-empty warning translations/vi/01-river.md:12:1'],
  },
  identical: {
    ids: ['identical-to-source'],
    fail: [
      'identical-to-source warning translations/km/01-river.md:2:1',
      'identical-to-source warning translations/vi/01-river.md:8:1',
      'identical-to-source warning translations/vi/01-river.md:10:1',
    ],
  },
  nfc: { ids: ['text-not-nfc'], fail: ['text-not-nfc warning translations/vi/01-river.md:10:35'] },
  'legacy-encoding': {
    ids: ['encoding-tcvn3', 'encoding-vni', 'encoding-viqr', 'encoding-windows-1258'],
    fail: [
      'encoding-tcvn3 error translations/vi/01-tcvn3.md:7:6',
      'encoding-vni error translations/vi/02-vni.md:7:5',
      'encoding-viqr error translations/vi/03-viqr.md:7:1',
      'encoding-windows-1258 error translations/vi/04-windows-1258.md:7:1',
    ],
  },
  'legacy-bytes': {
    ids: ['encoding-tcvn3', 'encoding-windows-1258', 'encoding-utf8'],
    fail: [
      'encoding-tcvn3 error translations/vi/01-river.md:2:9',
      'encoding-windows-1258 error translations/vi/02-sea.md:2:10',
      'encoding-utf8 error translations/vi/03-cafe.md:2:11',
    ],
  },
  mojibake: { ids: ['encoding-mojibake'], fail: ['encoding-mojibake error translations/vi/01-river.md:10:2'] },
  'wrong-script': {
    ids: ['script-khmer-in-vi', 'script-vietnamese-in-km'],
    fail: ['script-vietnamese-in-km warning translations/km/01-river.md:8:16', 'script-khmer-in-vi warning translations/vi/01-river.md:12:10'],
  },
  'latin-in-khmer': { ids: ['script-latin-in-km'], fail: ['script-latin-in-km warning translations/km/01-river.md:10:1'] },
  'image-alt': {
    ids: ['image-alt-missing'],
    fail: ['image-alt-missing error manuscript/01-river.md:9:1', 'image-alt-missing error translations/vi/01-river.md:12:43'],
  },
  conditions: {
    ids: ['condition-mismatch', 'condition-invalid'],
    fail: [
      'condition-invalid error manuscript/01-river.md:19:1',
      'condition-invalid error translations/km/01-river.md:20:1',
      'condition-invalid error translations/vi/01-river.md:20:1',
      'condition-mismatch error translations/vi/01-river.md:14:1',
      'condition-mismatch error translations/vi/01-river.md:16:1',
    ],
  },
  'khmer-order': {
    ids: ['khmer-order'],
    fail: [
      'khmer-order warning translations/km/01-river.md:6:27',
      'khmer-order warning translations/km/01-river.md:10:14',
      'khmer-order warning translations/km/01-river.md:12:26',
    ],
  },
  images: {
    ids: ['image-missing', 'image-outside-book', 'image-too-large', 'image-unsafe-svg', 'image-invalid', 'image-format'],
    fail: [
      'image-missing error manuscript/01-river.md:13:31',
      'image-too-large error manuscript/01-river.md:15:1',
      'image-unsafe-svg error manuscript/01-river.md:15:33',
      'image-outside-book error manuscript/01-river.md:17:1',
      'image-invalid error manuscript/01-river.md:21:1',
      'image-invalid error manuscript/01-river.md:21:29',
      'image-format error manuscript/01-river.md:23:1',
    ],
  },
  links: {
    ids: ['link-target'],
    fail: [
      'link-target error manuscript/01-river.md:5:21',
      'link-target error manuscript/01-river.md:9:5',
      'link-target error manuscript/01-river.md:9:40',
    ],
  },
  'zero-width': {
    ids: ['zero-width-stray'],
    fail: [
      'zero-width-stray warning translations/km/01-river.md:6:30',
      'zero-width-stray warning translations/km/01-river.md:12:4',
      'zero-width-stray warning translations/vi/01-river.md:10:35',
      'zero-width-stray warning translations/vi/01-river.md:12:22',
    ],
  },
  terms: {
    ids: ['term-missing', 'term-forbidden'],
    fail: [
      'term-forbidden error translations/km/01-year.md:10:4',
      'term-missing warning translations/km/01-year.md:10:1',
      'term-forbidden error translations/vi/01-year.md:6:1',
      'term-missing warning translations/vi/01-year.md:6:1',
      'term-missing warning translations/vi/01-year.md:12:1',
    ],
  },
  numbers: {
    ids: ['number-separator-ambiguous'],
    fail: [
      'number-separator-ambiguous warning translations/km/01-trade.md:6:22',
      'number-separator-ambiguous warning translations/km/01-trade.md:12:46',
      'number-separator-ambiguous warning translations/vi/01-trade.md:6:44',
    ],
  },
  review: {
    ids: ['review-outdated'],
    fail: [
      'review-outdated warning translations/km/01-river.md:15:1',
      'review-outdated warning translations/vi/01-river.md:2:1',
      'review-outdated warning translations/vi/01-river.md:16:1',
    ],
  },
};

const summary = (d: Diagnostic) => `${d.ruleId} ${d.severity} ${formatPlace(d)}`;

describe.each(Object.entries(RULES))('lint rule %s', (rule, { ids, fail }) => {
  let failing: Diagnostic[];
  let passing: Diagnostic[];
  beforeAll(async () => {
    failing = await checkFixture(path.join(FIXTURES, 'lint', rule, 'fail'));
    passing = await checkFixture(path.join(FIXTURES, 'lint', rule, 'pass'));
  });

  it('reports each problem of the failing fixture at its place', () => {
    expect(failing.filter((d) => ids.includes(d.ruleId)).map(summary).sort()).toEqual([...fail].sort());
  });

  it('says what was found and what was expected', () => {
    for (const d of failing.filter((f) => ids.includes(f.ruleId))) expect(d.message).toMatch(/expected/i);
  });

  it('is silent on the passing fixture, which has no error at all', () => {
    expect(passing.filter((d) => ids.includes(d.ruleId)).map(summary)).toEqual([]);
    expect(passing.filter((d) => d.severity === 'error').map(summary)).toEqual([]);
  });

  it('uses the severity the catalogue documents', () => {
    for (const d of failing.filter((f) => ids.includes(f.ruleId))) expect(RULE_CATALOGUE[d.ruleId]?.severity).toBe(d.severity);
  });
});

describe('the rule catalogue', () => {
  it('has a failing fixture for every rule of src/lint/', () => {
    const covered = new Set(Object.values(RULES).flatMap((r) => r.ids));
    const lintIds = Object.keys(RULE_CATALOGUE).slice(Object.keys(RULE_CATALOGUE).indexOf('heading-id-missing'));
    expect(lintIds.filter((id) => !covered.has(id))).toEqual([]);
  });
});
