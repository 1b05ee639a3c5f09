import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'xast';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';
import { elements, part, readXliffTree, schemaErrors, segment, textOf, unit } from './helpers/xliff.js';

// One copy of each fixture book and one export per language, shared by the assertions below.
let mini: string;
let inline: string;
let single: string;
let tree: Root;

beforeAll(async () => {
  mini = await copyBook(path.join(FIXTURES, 'books/mini'));
  inline = await copyBook(path.join(FIXTURES, 'books/inline'));
  for (const [book, lang] of [[mini, 'vi'], [mini, 'km'], [inline, 'vi']] as const) {
    const result = await runCli(['xliff', 'export', lang, book]);
    expect(result.code, result.stderr).toBe(0);
  }
  single = path.join(inline, 'all-vi.xlf');
  expect((await runCli(['xliff', 'export', 'vi', inline, '--out', single])).code).toBe(0);
  tree = await readXliffTree(path.join(inline, 'build/xliff/vi/01-market.xlf'));
});

describe('xliff export', () => {
  it('writes one file per chapter into build/xliff/LANG/ by default', async () => {
    expect(await readdir(path.join(mini, 'build/xliff/vi'))).toEqual(['01-river.xlf']);
    expect(await readdir(path.join(mini, 'build/xliff/km'))).toEqual(['01-river.xlf']);
  });

  it('validates against the OASIS XLIFF 2.0 core schema', async () => {
    const files = [path.join(mini, 'build/xliff/vi/01-river.xlf'), path.join(mini, 'build/xliff/km/01-river.xlf'), path.join(inline, 'build/xliff/vi/01-market.xlf'), single];
    for (const file of files) expect(await schemaErrors(await readFile(file, 'utf8')), file).toEqual([]);
  });

  it('the validator does reject an invalid file (the check can fail)', async () => {
    const xml = await readFile(path.join(mini, 'build/xliff/vi/01-river.xlf'), 'utf8');
    expect((await schemaErrors(xml.replace('state="translated"', 'state="draft"'))).join('\n')).toMatch(/state/);
  });

  it('names languages and files as the book does', () => {
    const root = elements(tree, 'xliff')[0];
    expect(root?.attributes).toMatchObject({ version: '2.0', srcLang: 'en', trgLang: 'vi' });
    expect(elements(tree, 'file').map((f) => f.attributes.id)).toEqual(['01-market.md']);
    expect(elements(tree, 'unit').map((u) => u.attributes.id)).toEqual(['_title', '_lead-1', 'goods-heading', 'goods-1', 'goods-2.1', 'goods-2.2', 'goods-3.1', 'goods-4', 'travel-heading', 'travel-1', '_note-price']);
  });

  it('protects emphasis, strong, links, inline code and footnote references as codes holding their markdown', () => {
    const data = new Map(elements(unit(tree, '_lead-1'), 'data').map((d) => [d.attributes.id, textOf(d)]));
    const source = part(tree, '_lead-1', 'source');
    const pcs = elements(source as never, 'pc');
    const phs = elements(source as never, 'ph');
    expect(pcs.map((pc) => [textOf(pc), data.get(pc.attributes.dataRefStart ?? ''), data.get(pc.attributes.dataRefEnd ?? '')])).toEqual([
      ['Cái Răng', '*', '*'],
      ['every', '**', '**'],
      ['harbour master', '[', '](https://example.org/harbour "Harbour")'],
    ]);
    expect(phs.map((ph) => data.get(ph.attributes.dataRef ?? ''))).toEqual(['`VND 10,000`', '[^price]']);
    expect(phs[1]?.attributes.canDelete).toBe('no');
    // The text itself carries no markdown.
    expect(textOf(source)).toBe('Boats gather at dawn on the Cái Răng river, and every trader knows the harbour master by name; prices are chalked as  on a board.');
    // Target codes reuse the ids of the source codes they stand for.
    const target = part(tree, '_lead-1', 'target');
    expect(elements(target as never, 'pc').map((pc) => pc.attributes.id)).toEqual(pcs.map((pc) => pc.attributes.id));
  });

  it('keeps a hard break and the quote prefix after it in one code', () => {
    const data = elements(unit(tree, 'goods-3.1'), 'data').map((d) => textOf(d));
    expect(data).toEqual(['  \n> ']);
    expect(textOf(part(tree, 'goods-3.1', 'source'))).toBe('A boat without a poleis a house without a door.');
  });

  it('maps the translation status and staleness to segment states', () => {
    expect(segment(tree, 'goods-1').attributes.state).toBe('translated'); // status: draft
    expect(segment(tree, 'goods-3.1').attributes.state).toBe('initial'); // :::untranslated
    expect(part(tree, 'goods-3.1', 'target')).toBeUndefined();
    expect(segment(tree, 'goods-4').attributes.state).toBe('initial'); // absent block
    expect(segment(tree, 'travel-1').attributes.state).toBe('initial'); // stale section
    expect(textOf(part(tree, 'travel-1', 'target'))).toBe('Đi phà từ bến cũ mới.');
  });

  it('notes stale blocks and carries the source fingerprint of each section', () => {
    const staleNotes = (id: string) => elements(unit(tree, id), 'note').filter((n) => n.attributes.category === 'stale');
    expect(staleNotes('travel-1')).toHaveLength(1);
    expect(staleNotes('goods-1')).toHaveLength(0);
    const fingerprint = (id: string) => textOf(elements(unit(tree, id), 'mda:meta').find((m) => m.attributes.type === 'source-fingerprint'));
    expect(fingerprint('travel-1')).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint('travel-1')).toBe(fingerprint('travel-heading'));
    expect(fingerprint('travel-1')).not.toBe(fingerprint('goods-1'));
  });

  it('maps status: reviewed to the reviewed state', async () => {
    const book = await copyBook(path.join(FIXTURES, 'books/mini'));
    const file = path.join(book, 'translations/vi/01-river.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('status: draft', 'status: reviewed'));
    expect((await runCli(['xliff', 'export', 'vi', book])).code).toBe(0);
    const states = elements(await readXliffTree(path.join(book, 'build/xliff/vi/01-river.xlf')), 'segment').map((s) => s.attributes.state);
    expect(new Set(states)).toEqual(new Set(['reviewed']));
  });

  it('puts every chapter in one file with --out FILE.xlf', async () => {
    const all = await readXliffTree(single);
    expect(elements(all, 'file').map((f) => f.attributes.id)).toEqual(['01-market.md']);
  });

  it('refuses a language the book does not have, with a diagnostic', async () => {
    const result = await runCli(['xliff', 'export', 'fr', mini]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/book\.yaml: error: Unexpected language "fr": expected one of the book's translation languages \(vi, km\)/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
