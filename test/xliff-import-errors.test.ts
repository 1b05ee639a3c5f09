import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'xast';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';
import { code, element, elements, part, readXliffTree, setTarget, text, unit, writeXliffTree } from './helpers/xliff.js';

// Two exported books (mini: plain text; inline: codes), then one broken copy of an export per case.
let mini: string;
let inline: string;
let miniXlf: string;
let inlineXlf: string;
const pristine = new Map<string, Buffer>();

beforeAll(async () => {
  mini = await copyBook(path.join(FIXTURES, 'books/mini'));
  inline = await copyBook(path.join(FIXTURES, 'books/inline'));
  for (const [book, lang] of [[mini, 'vi'], [mini, 'km'], [inline, 'vi']] as const) expect((await runCli(['xliff', 'export', lang, book])).code).toBe(0);
  miniXlf = path.join(mini, 'build/xliff/vi/01-river.xlf');
  inlineXlf = path.join(inline, 'build/xliff/vi/01-market.xlf');
  for (const file of ['translations/vi/01-river.md', 'translations/km/01-river.md']) pristine.set(path.join(mini, file), await readFile(path.join(mini, file)));
  pristine.set(path.join(inline, 'translations/vi/01-market.md'), await readFile(path.join(inline, 'translations/vi/01-market.md')));
});

/** A variant of an exported file, edited through xast as a CAT tool would, written next to it. */
async function variant(from: string, name: string, edit: (tree: Root) => void): Promise<string> {
  const tree = await readXliffTree(from);
  edit(tree);
  const file = path.join(path.dirname(from), name);
  await writeXliffTree(file, tree);
  return file;
}

/** `line:column` (1-based) of the first occurrence of `needle`. */
async function placeOf(file: string, needle: string): Promise<string> {
  const textValue = await readFile(file, 'utf8');
  const before = textValue.slice(0, textValue.indexOf(needle));
  return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
}

async function expectNothingWritten(): Promise<void> {
  for (const [file, bytes] of pristine) expect((await readFile(file)).equals(bytes), file).toBe(true);
}

/** Runs an import that must fail: exit 1, no stack trace, nothing written. */
async function failingImport(...args: string[]): Promise<string> {
  const result = await runCli(['xliff', 'import', ...args]);
  expect(result.code, result.stderr).toBe(1);
  expect(hasStackTrace(result.stderr)).toBe(false);
  expect(result.stderr).toMatch(/nothing was written/);
  await expectNothingWritten();
  return result.stderr;
}

describe('xliff import refuses bad input with located diagnostics and writes nothing', () => {
  it('malformed XML: file:line:col from the parser', async () => {
    const good = await readFile(miniXlf, 'utf8');
    const bad = good.replace('</target>', '</targt>');
    const file = path.join(path.dirname(miniXlf), 'malformed.xlf');
    await writeFile(file, bad);
    const stderr = await failingImport(file, mini);
    expect(stderr).toContain(`malformed.xlf:${await placeOf(file, '</targt>')}: error: Malformed XML: Missing end tag for element target`);
  });

  it('an unknown unit id, at the unit', async () => {
    const file = await variant(miniXlf, 'unknown.xlf', (tree) => {
      unit(tree, 'two-countries-2').attributes.id = 'two-countries-9';
    });
    const stderr = await failingImport(file, mini);
    expect(stderr).toContain(`unknown.xlf:${await placeOf(file, '<unit id="two-countries-9"')}: error: Unknown unit id \`two-countries-9\``);
  });

  it('a code pointing at markdown that is not in originalData', async () => {
    const file = await variant(inlineXlf, 'dataref.xlf', (tree) => {
      const pc = elements(part(tree, '_lead-1', 'target') as never, 'pc')[0];
      if (pc) pc.attributes.dataRefStart = 'd99';
    });
    const stderr = await failingImport(file, inline);
    expect(stderr).toContain(`dataref.xlf:${await placeOf(file, '<pc id="1" dataRefStart="d99"')}: error: Broken inline code in unit _lead-1: found dataRefStart="d99"`);
  });

  it('unbalanced codes: a start code never closed, an end code with no start', async () => {
    const open = await variant(inlineXlf, 'unclosed.xlf', (tree) => {
      setTarget(tree, 'goods-2.1', [text('xoài từ '), code('sc', { id: '1', dataRef: 'd1' }), text('Tiền Giang;')]);
    });
    expect(await failingImport(open, inline)).toContain(`unclosed.xlf:${await placeOf(open, '<sc id="1"')}: error: Broken inline code in unit goods-2.1: found <sc id="1"> that is never closed`);
    const close = await variant(inlineXlf, 'unopened.xlf', (tree) => {
      setTarget(tree, 'goods-2.1', [text('xoài từ Tiền Giang'), code('ec', { startRef: '1', dataRef: 'd1' }), text(';')]);
    });
    expect(await failingImport(close, inline)).toContain(`unopened.xlf:${await placeOf(close, '<ec startRef="1"')}: error: Broken inline code in unit goods-2.1: found <ec startRef="1"> with no open <sc id="1">`);
  });

  it('a deleted footnote reference', async () => {
    const file = await variant(inlineXlf, 'footnote.xlf', (tree) => {
      const target = part(tree, '_lead-1', 'target');
      if (target) target.children = target.children.filter((child) => !(child.type === 'element' && child.name === 'ph' && child.attributes.canDelete === 'no'));
    });
    const stderr = await failingImport(file, inline);
    expect(stderr).toMatch(/footnote\.xlf:\d+:\d+: error: Broken inline code in unit _lead-1: the target lacks code 5 \(\[\^price\]\)/);
  });

  it('a trgLang the book does not have, or that is not the file the export came from', async () => {
    const french = await variant(miniXlf, 'french.xlf', (tree) => {
      const root = elements(tree, 'xliff')[0];
      if (root) root.attributes.trgLang = 'fr';
    });
    const at = await placeOf(french, '<xliff');
    expect(await failingImport(french, mini)).toContain(`french.xlf:${at}: error: Unexpected trgLang="fr": expected one of the book's translation languages (vi, km)`);
    const khmer = await variant(miniXlf, 'khmer.xlf', (tree) => {
      const root = elements(tree, 'xliff')[0];
      if (root) root.attributes.trgLang = 'km';
    });
    expect(await failingImport(khmer, mini)).toContain(`khmer.xlf:${at}: error: Unexpected trgLang="km": <file id="01-river.md"> was exported from translations/vi/01-river.md`);
  });

  it('a target markdown cannot hold as written (read back before anything is written)', async () => {
    // `_` cannot open emphasis inside a word: "xoài_Tiền Giang_" would print the underscores.
    const file = await variant(inlineXlf, 'intraword.xlf', (tree) => {
      setTarget(tree, 'goods-2.1', [text('xoài'), code('pc', { id: '1', dataRefStart: 'du', dataRefEnd: 'du' }, [text('Tiền Giang')]), text(';')]);
      const original = elements(unit(tree, 'goods-2.1'), 'originalData')[0];
      original?.children.push(element('data', { id: 'du' }, [text('_')]));
    });
    expect(await failingImport(file, inline)).toContain(`intraword.xlf:${await placeOf(file, '<unit id="goods-2.1"')}: error: The target of unit \`goods-2.1\` does not survive as markdown in translations/vi/01-market.md: it reads back as "xoài_Tiền Giang_;", expected "xoài⟨_⟩Tiền Giang⟨_⟩;"`);
  });

  it('a trgLang with a region (vi-VN, as CAT tools write it) is the book language', async () => {
    const file = await variant(miniXlf, 'region.xlf', (tree) => {
      const root = elements(tree, 'xliff')[0];
      if (root) root.attributes.trgLang = 'vi-VN';
    });
    const result = await runCli(['xliff', 'import', file, mini]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/nothing to import/);
  });

  it('one bad file among good ones: none of them is imported', async () => {
    const good = await variant(miniXlf, 'good.xlf', (tree) => setTarget(tree, 'two-countries-2', [text('Một câu mới.')]));
    const bad = path.join(path.dirname(miniXlf), 'truncated.xlf');
    await writeFile(bad, (await readFile(path.join(mini, 'build/xliff/km/01-river.xlf'), 'utf8')).slice(0, 500));
    expect(await failingImport(good, bad, mini)).toMatch(/truncated\.xlf:\d+:\d+: error: Malformed XML/);
  });
});

describe('xliff import of a unit whose English changed since the export', () => {
  it('refuses the stale unit (reported with the English file:line) and imports the rest', async () => {
    const book = await copyBook(path.join(FIXTURES, 'books/mini'));
    expect((await runCli(['xliff', 'export', 'vi', book])).code).toBe(0);
    const xlf = path.join(book, 'build/xliff/vi/01-river.xlf');
    const tree = await readXliffTree(xlf);
    setTarget(tree, 'two-countries-2', [text('Ngư dân thả lưới.')]);
    setTarget(tree, '_lead-1', [text('Sông Mê Kông chảy từ núi ra biển Đông.')]);
    await writeXliffTree(xlf, tree);
    const manuscript = path.join(book, 'manuscript/01-river.md');
    await writeFile(manuscript, (await readFile(manuscript, 'utf8')).replace('It passes through Cambodia and Vietnam.', 'It passes through Laos, Cambodia and Vietnam.'));
    const before = await readFile(path.join(book, 'translations/vi/01-river.md'), 'utf8');

    const result = await runCli(['xliff', 'import', xlf, book]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/01-river\.xlf:\d+:\d+: warning: Stale unit `two-countries-2` not imported: the English of section two-countries changed after this file was exported \(now "Fishermen work on the river every morning\." at manuscript\/01-river\.md:12\)/);
    expect(result.stderr).toMatch(/see manuscript\/01-river\.md:12/);
    expect(await readFile(path.join(book, 'translations/vi/01-river.md'), 'utf8')).toBe(before.replace('Sông Mê Kông chảy từ núi cao ra biển.', 'Sông Mê Kông chảy từ núi ra biển Đông.'));
  });
});
