import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Element } from 'hast';
import { checkBook } from '../src/check/check-book.js';
import { affectedEditions } from '../src/pipeline/affected-editions.js';
import type { Edition } from '../src/config/schema.js';
import { CACHE_DIR, openDiskCache } from '../src/manuscript/disk-cache.js';
import { DocumentCache } from '../src/manuscript/document-cache.js';
import type { Book } from '../src/manuscript/model.js';
import { blocksToHast } from '../src/markdown/processor.js';
import { syntheticBook, writeSyntheticBook, realText, THOUSAND_PAGES } from '../src/bench/synthetic-book.js';
import { TEMPLATES_DIR } from '../src/paths.js';
import { copyBook, FIXTURES, ROOT, runCli } from './helpers/cli.js';

function paragraphs(book: Book | undefined, lang: string): string[] {
  return (book?.chapters ?? []).flatMap((chapter) => chapter.sections.flatMap((section) => section.rows.map((row) => toString(row.cells[lang]?.node))));
}

describe('the parse cache (per file, by sha256 of its bytes)', () => {
  it('parses only the file that changed, and shows its new text', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const cache = new DocumentCache();
    const first = await checkBook(dir, { cache });
    expect(cache.parses).toBe(3);

    const again = await checkBook(dir, { cache });
    expect(cache.parses).toBe(3);
    expect(again.diagnostics).toEqual(first.diagnostics);

    const file = path.join(dir, 'translations/vi/01-river.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('mỗi buổi sáng', 'vào lúc bình minh'));
    const changed = await checkBook(dir, { cache });
    expect(cache.parses).toBe(4);
    expect(paragraphs(changed.book, 'vi')).toContain('Ngư dân làm việc trên sông vào lúc bình minh.');
    expect(paragraphs(changed.book, 'en')).toEqual(paragraphs(first.book, 'en'));
  });

  it('hands every run its own VFile, so messages left by one run do not leak into the next', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const cache = new DocumentCache();
    const first = await checkBook(dir, { cache });
    const doc = first.book?.chapters[0]?.documents.en;
    doc?.file.message('left by a later stage');
    const second = await checkBook(dir, { cache });
    expect(second.book?.chapters[0]?.documents.en?.file.messages).toEqual([]);
    expect(cache.parses).toBe(3);
  });

  it('reports the same diagnostics from the cache as from a fresh parse, for a broken book', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/misaligned'));
    const cache = new DocumentCache();
    const fresh = await checkBook(dir, { cache });
    expect(fresh.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const cached = await checkBook(dir, { cache });
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cache.hits).toBeGreaterThan(0);
  });

  it('survives the process on disk under build/.cache, and ignores a cache file it cannot read', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const first = await openDiskCache(dir);
    await checkBook(dir, { cache: first.cache });
    await first.save();
    const [saved] = await readdir(path.join(dir, CACHE_DIR));
    expect(saved).toMatch(/^parse-[0-9a-f]{16}\.v8$/);

    const second = await openDiskCache(dir);
    const checked = await checkBook(dir, { cache: second.cache });
    expect(second.cache.parses).toBe(0);
    expect(paragraphs(checked.book, 'km')).toContain('ទន្លេមេគង្គហូរពីភ្នំទៅសមុទ្រ។');

    await writeFile(path.join(dir, CACHE_DIR, saved ?? ''), 'not a cache');
    const third = await openDiskCache(dir);
    await checkBook(dir, { cache: third.cache });
    expect(third.cache.parses).toBe(3);
  });

  it('`check` prints the same report with and without build/.cache', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/misaligned'));
    const cold = await runCli(['check', dir, '--json']);
    expect((await readdir(path.join(dir, CACHE_DIR))).length).toBe(1);
    const warm = await runCli(['check', dir, '--json']);
    const uncached = await runCli(['check', dir, '--json', '--no-cache']);
    expect(cold.code).toBe(1);
    expect(warm).toEqual(cold);
    expect(uncached).toEqual(cold);
  });
});

describe('rendered blocks (cached per mdast node)', () => {
  it('give every caller its own copy of the same hast', async () => {
    const { book } = await checkBook(path.join(FIXTURES, 'books/mini'));
    const doc = book?.chapters[0]?.documents.en;
    const block = book?.chapters[0]?.sections[0]?.rows[0]?.cells.en;
    if (!doc || !block) throw new Error('the mini book has a first block');
    const first = blocksToHast([block.node], doc.definitions, doc.file);
    (first.children[0] as Element).tagName = 'changed-by-the-caller';
    const second = blocksToHast([block.node], doc.definitions, doc.file);
    expect((second.children[0] as Element).tagName).toBe('p');
    expect(second).toEqual(blocksToHast([structuredClone(block.node)], doc.definitions, doc.file));
  });
});

describe('which editions a change affects (build --watch)', () => {
  const bookDir = '/books/b';
  const edition = (id: string, format: 'pdf' | 'epub', languages: string[]): Edition =>
    format === 'pdf' ? { id, format, layout: 'columns', trim: 'A5', press: false, languages } : { id, format, khmerWordBreaks: true, languages };
  const editions = [edition('print', 'pdf', ['en', 'vi', 'km']), edition('en-vi', 'epub', ['en', 'vi']), edition('all-epub', 'epub', ['en', 'vi', 'km'])];
  const ids = (changed: string[]) => affectedEditions(changed, editions, { bookDir, templatesDir: TEMPLATES_DIR }).map((e) => e.id);

  it.each([
    [['translations/km/01-a.md'], ['print', 'all-epub']],
    [['translations/vi/01-a.md'], ['print', 'en-vi', 'all-epub']],
    [['manuscript/01-a.md'], ['print', 'en-vi', 'all-epub']],
    [['book.yaml'], ['print', 'en-vi', 'all-epub']],
    [['images/map.png'], ['print', 'en-vi', 'all-epub']],
  ])('%j → %j', (changed, expected) => {
    expect(ids(changed.map((file) => path.join(bookDir, file)))).toEqual(expected);
  });

  it('sends template changes to the format that uses them', () => {
    expect(affectedEditions([path.join(TEMPLATES_DIR, 'print.css')], editions, { bookDir, templatesDir: TEMPLATES_DIR }).map((e) => e.id)).toEqual(['print']);
    expect(affectedEditions([path.join(TEMPLATES_DIR, 'epub/content.opf.ejs')], editions, { bookDir, templatesDir: TEMPLATES_DIR }).map((e) => e.id)).toEqual(['en-vi', 'all-epub']);
    expect(affectedEditions([path.join(TEMPLATES_DIR, 'preview/preview.css')], editions, { bookDir, templatesDir: TEMPLATES_DIR })).toEqual([]);
  });

  it('rebuilds an EPUB whose page breaks come from a PDF when that PDF repaginates, even when only the EPUB is watched', () => {
    const paged: Edition = { id: 'km-epub', format: 'epub', khmerWordBreaks: true, languages: ['km'], pageBreaksFrom: 'print' };
    const book = [...editions, paged];
    const affected = (file: string) => affectedEditions([file], [paged], { bookDir, templatesDir: TEMPLATES_DIR }, book).map((e) => e.id);
    expect(affected(path.join(TEMPLATES_DIR, 'print.css'))).toEqual(['km-epub']);
    expect(affected(path.join(bookDir, 'translations/vi/01-a.md'))).toEqual(['km-epub']);
    expect(affectedEditions([path.join(bookDir, 'translations/vi/01-a.md')], [edition('km-only', 'epub', ['km'])], { bookDir, templatesDir: TEMPLATES_DIR }, book)).toEqual([]);
  });
});

describe('the synthetic book of the benchmark', () => {
  it('repeats the real, fully translated paragraphs of the repository book, and checks clean', async () => {
    const source = await realText(ROOT);
    expect(source.rows.length).toBeGreaterThan(10);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-synthetic-'));
    await writeSyntheticBook(dir, { chapters: 2, sectionsPerChapter: 2, rowsPerSection: 3 }, source);
    const { book, diagnostics } = await checkBook(dir);
    expect(diagnostics).toEqual([]);
    expect(book?.chapters).toHaveLength(2);
    for (const lang of ['en', 'vi', 'km']) expect(paragraphs(book, lang)).toHaveLength(12);
    const repoParagraphs = paragraphs((await checkBook(ROOT)).book, 'km');
    for (const text of paragraphs(book, 'km')) expect(repoParagraphs).toContain(text);
  });

  it('writes book.yaml and one file per chapter and language at the 1,000-page shape', async () => {
    const files = syntheticBook(THOUSAND_PAGES, await realText(ROOT));
    expect(files.size).toBe(1 + THOUSAND_PAGES.chapters * 3);
    expect([...files.keys()].filter((file) => file.startsWith('translations/km/'))).toHaveLength(THOUSAND_PAGES.chapters);
  });
});

describe('parsing on several cores (compiled code: worker threads run dist/)', () => {
  it('gives the same documents and diagnostics as parsing in one thread', async () => {
    type Load = typeof import('../src/manuscript/load.js');
    type Config = typeof import('../src/config/load.js');
    const { loadBook } = (await import(path.join(ROOT, 'dist/manuscript/load.js'))) as Load;
    const { loadConfig } = (await import(path.join(ROOT, 'dist/config/load.js'))) as Config;
    const { poolStats } = (await import(path.join(ROOT, 'dist/manuscript/parse-pool.js'))) as typeof import('../src/manuscript/parse-pool.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-threads-'));
    // Big enough that each worker gets files even after its startup handicap.
    await writeSyntheticBook(dir, { ...THOUSAND_PAGES, chapters: 12 });
    // A broken file too: its diagnostics must come back from a worker unchanged.
    await writeFile(path.join(dir, 'translations/vi/002-part.md'), `${await readFile(path.join(dir, 'translations/vi/002-part.md'), 'utf8')}\n<script>x</script>\n\nextra\n`);
    const config = await loadConfig(dir);
    const comparable = (book: Book) => ({
      diagnostics: book.diagnostics,
      chapters: book.chapters.map((chapter) => ({
        ...chapter,
        documents: Object.fromEntries(Object.entries(chapter.documents).map(([lang, doc]) => [lang, doc && { ...doc, file: { path: doc.file.path, value: doc.file.value } }])),
      })),
    });
    const threaded = await loadBook(dir, config, config.languages, { threads: 2 });
    expect(poolStats).toEqual({ workerBatches: 2, fallbacks: 0 });
    const single = await loadBook(dir, config, config.languages, { threads: 0 });
    expect(threaded.diagnostics.map((d) => d.ruleId)).toEqual(['raw-html']);
    // Alignment is checked on the loaded book, so the worker's documents must align as the single thread's do.
    const { lintBook } = (await import(path.join(ROOT, 'dist/lint/index.js'))) as typeof import('../src/lint/index.js');
    expect(lintBook(threaded).map((d) => d.ruleId)).toContain('block-extra');
    expect(lintBook(threaded)).toEqual(lintBook(single));
    expect(comparable(threaded)).toEqual(comparable(single));
  });
});
