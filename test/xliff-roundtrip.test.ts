import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, ROOT, runCli } from './helpers/cli.js';
import { comparable } from './helpers/pdf.js';
import { code, element, elements, part, readXliffTree, schemaErrors, segment, setTarget, text, textOf, unit, writeXliffTree } from './helpers/xliff.js';

const MINI_OLD = 'Ngư dân làm việc trên sông mỗi buổi sáng.';
const MINI_NEW = 'Ngư dân thả lưới trên sông Mê Kông từ lúc bình minh.';

/** Every translation file of a book, by path, as bytes. */
async function translations(book: string, langs: string[], name: string): Promise<Map<string, Buffer>> {
  return new Map(await Promise.all(langs.map(async (lang) => [lang, await readFile(path.join(book, 'translations', lang, name))] as const)));
}

describe('xliff round trip on the mini book', () => {
  let book: string;
  let before: Map<string, Buffer>;
  let untouched: Awaited<ReturnType<typeof runCli>>;
  let edited: Awaited<ReturnType<typeof runCli>>;
  let pdfText: string;

  beforeAll(async () => {
    book = await copyBook(path.join(FIXTURES, 'books/mini'));
    before = await translations(book, ['vi', 'km'], '01-river.md');
    for (const lang of ['vi', 'km']) expect((await runCli(['xliff', 'export', lang, book])).code).toBe(0);
    const files = ['vi', 'km'].map((lang) => path.join(book, `build/xliff/${lang}/01-river.xlf`));
    untouched = await runCli(['xliff', 'import', ...files, book]);
    const xlf = files[0] ?? '';
    const tree = await readXliffTree(xlf);
    setTarget(tree, 'two-countries-2', [text(MINI_NEW)]);
    await writeXliffTree(xlf, tree);
    edited = await runCli(['xliff', 'import', xlf, book]);
    const build = await runCli(['build', book, '--edition', 'mini-print']);
    expect(build.code, build.stderr).toBe(0);
    pdfText = execFileSync('pdftotext', ['-raw', path.join(book, 'build/mini-print.pdf'), '-'], { encoding: 'utf8' });
  });

  it('an untouched export imports as no change at all: byte-identical translations', async () => {
    expect(untouched.code, untouched.stderr).toBe(0);
    expect(untouched.stdout).toMatch(/nothing to import/);
    expect(untouched.stderr).toBe('');
    // The km file is never touched afterwards: it is still byte for byte what it was.
    expect((await translations(book, ['km'], '01-river.md')).get('km')?.equals(before.get('km') ?? Buffer.alloc(0))).toBe(true);
  });

  it('an edited target is written into its block, every other byte unchanged', async () => {
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toMatch(/updated translations\/vi\/01-river\.md: two-countries-2/);
    const old = before.get('vi')?.toString('utf8') ?? '';
    expect(old).toContain(MINI_OLD);
    expect(await readFile(path.join(book, 'translations/vi/01-river.md'), 'utf8')).toBe(old.replace(MINI_OLD, MINI_NEW));
  });

  it('the build shows the edit in the PDF', () => {
    expect(comparable(pdfText)).toContain(comparable(MINI_NEW));
    expect(comparable(pdfText)).not.toContain(comparable(MINI_OLD));
  });
});

describe('xliff round trip with inline markdown, lists, quotes and missing blocks', () => {
  let book: string;
  let before: string;
  let xlf: string;
  let untouched: Awaited<ReturnType<typeof runCli>>;
  let edited: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    book = await copyBook(path.join(FIXTURES, 'books/inline'));
    before = await readFile(path.join(book, 'translations/vi/01-market.md'), 'utf8');
    expect((await runCli(['xliff', 'export', 'vi', book])).code).toBe(0);
    xlf = path.join(book, 'build/xliff/vi/01-market.xlf');
    untouched = await runCli(['xliff', 'import', xlf, book]);

    const tree = await readXliffTree(xlf);
    // Change text around the codes, keeping them: the markdown of the codes must come back verbatim.
    const lead = part(tree, '_lead-1', 'target');
    const first = lead?.children[0];
    if (first?.type === 'text') first.value = 'Mỗi sáng, thuyền tụ họp trên sông ';
    // A quote the translation marked :::untranslated, its hard break kept as the code it was exported as.
    setTarget(tree, 'goods-3.1', [text('Thuyền không sào'), code('ph', { id: '1', dataRef: 'd1' }), text('là nhà không cửa.')], 'translated');
    // A block the translation lacks; text that looks like markdown must stay text.
    setTarget(tree, 'goods-4', [text('Thuyền cuối cùng rời bến lúc trưa: 1. không * trễ [nhé].')], 'translated');
    // A stale section, reviewed and confirmed in the CAT tool; a space left inside a paired code.
    setTarget(tree, 'travel-heading', [text('Đi lại')], 'translated');
    setTarget(tree, 'travel-1', [text('Đi phà từ bến '), code('pc', { id: '1', dataRefStart: 'd1', dataRefEnd: 'd1' }, [text('cũ ')]), text('mới kìa.')], 'translated');
    setTarget(tree, '_title', [text('Chợ nổi: Cái Răng')]);
    // A footnote's text, with a code the translator added (its markdown added to originalData).
    setTarget(tree, '_note-price', [text('Giá thay đổi '), code('pc', { id: '9', dataRefStart: 'dn', dataRefEnd: 'dn' }, [text('mỗi')]), text(' ngày.')]);
    const note = unit(tree, '_note-price');
    note.children.splice(note.children.findIndex((child) => child.type === 'element' && child.name === 'segment'), 0, element('originalData', {}, [element('data', { id: 'dn' }, [text('*')])]));
    await writeXliffTree(xlf, tree);
    edited = await runCli(['xliff', 'import', xlf, book]);
  });

  it('an untouched export changes nothing', () => {
    expect(untouched.code, untouched.stderr).toBe(0);
    expect(untouched.stdout).toMatch(/nothing to import/);
  });

  it('writes exactly the changed blocks, rebuilding their markdown around the codes', async () => {
    expect(edited.code, edited.stderr).toBe(0);
    const expected = before
      .replace('title: Chợ nổi', 'title: "Chợ nổi: Cái Răng"')
      .replace('travel: 0123456789ab', `travel: ${await fingerprintOf('travel-1')}`)
      .replace('Thuyền tụ họp lúc bình minh trên sông *Cái Răng*', 'Mỗi sáng, thuyền tụ họp trên sông *Cái Răng*')
      .replace(':::untranslated\n:::', '> Thuyền không sào  \n> là nhà không cửa.\n\nThuyền cuối cùng rời bến lúc trưa: 1. không \\* trễ \\[nhé].')
      .replace('Đi phà từ bến ~~cũ~~ mới.', 'Đi phà từ bến ~~cũ~~ mới kìa.')
      .replace('[^price]: Giá thay đổi hằng ngày.', '[^price]: Giá thay đổi *mỗi* ngày.');
    expect(await readFile(path.join(book, 'translations/vi/01-market.md'), 'utf8')).toBe(expected);
  });

  it('leaves a book that checks clean, and a re-export with the new targets and no stale notes', async () => {
    const check = await runCli(['check', book]);
    expect(check.code, check.stderr).toBe(0);
    expect((await runCli(['xliff', 'export', 'vi', book])).code).toBe(0);
    const tree = await readXliffTree(xlf);
    expect(textOf(part(tree, 'goods-4', 'target'))).toBe('Thuyền cuối cùng rời bến lúc trưa: 1. không * trễ [nhé].');
    expect(segment(tree, 'travel-1').attributes.state).toBe('translated');
    expect(elements(unit(tree, 'travel-1'), 'note').filter((note) => note.attributes.category === 'stale')).toEqual([]);
  });

  /** The section fingerprint the export gave a unit (the import records it once the section is confirmed). */
  async function fingerprintOf(unitId: string): Promise<string> {
    const tree = await readXliffTree(xlf);
    return textOf(elements(unit(tree, unitId), 'mda:meta').find((meta) => meta.attributes.type === 'source-fingerprint'));
  }
});

describe('xliff round trip on a file saved with a BOM and CRLF line ends (Windows editors)', () => {
  it('keeps both: only the edited block differs', async () => {
    const book = await copyBook(path.join(FIXTURES, 'books/mini'));
    const file = path.join(book, 'translations/vi/01-river.md');
    const windows = `\uFEFF${(await readFile(file, 'utf8')).replace(/\n/g, '\r\n')}`;
    await writeFile(file, windows);
    expect((await runCli(['xliff', 'export', 'vi', book])).code).toBe(0);
    const xlf = path.join(book, 'build/xliff/vi/01-river.xlf');
    const tree = await readXliffTree(xlf);
    setTarget(tree, 'two-countries-2', [text(MINI_NEW)]);
    await writeXliffTree(xlf, tree);
    const result = await runCli(['xliff', 'import', xlf, book]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(await readFile(file, 'utf8')).toBe(windows.replace(MINI_OLD, MINI_NEW));
  });
});

describe('xliff round trip on the Friendship Year book', () => {
  it('every chapter in one file per language: validates, and imports untouched as no change', async () => {
    const book = await mkdtemp(path.join(os.tmpdir(), 'pp-book-'));
    for (const entry of ['book.yaml', 'manuscript', 'translations']) await cp(path.join(ROOT, entry), path.join(book, entry), { recursive: true });
    const files = ['vi', 'km'].map((lang) => path.join(book, `${lang}.xlf`));
    for (const [index, lang] of ['vi', 'km'].entries()) expect((await runCli(['xliff', 'export', lang, book, '--out', files[index] ?? ''])).code).toBe(0);
    for (const file of files) expect(await schemaErrors(await readFile(file, 'utf8')), file).toEqual([]);
    const names = await readdir(path.join(book, 'manuscript'));
    const snapshot = () => Promise.all(names.map((name) => translations(book, ['vi', 'km'], name)));
    const before = await snapshot();
    const result = await runCli(['xliff', 'import', ...files, book]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/nothing to import/);
    expect(await snapshot()).toEqual(before);
    expect(elements(await readXliffTree(files[0] ?? ''), 'file').length).toBeGreaterThan(3);
  });
});
