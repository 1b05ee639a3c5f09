import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hyphenateWords } from '../src/layout/hyphenation.js';
import { lintBook } from '../src/lint/index.js';
import { khmerWordBreaks } from '../src/text/khmer/word-breaks.js';
import { boundedSegments } from '../src/text/segments.js';
import { copyBook, FIXTURES, hasStackTrace } from './helpers/cli.js';
import { loadFixtureBook } from './helpers/lint.js';
import { measuredCli } from './helpers/measured.js';

/**
 * Issue 19, classes 1 and 2: text of any size. Before, one 108 KB paragraph took `check` to 3.7 GB
 * and out of memory (Intl.Segmenter results spread into arrays), a 32,000-letter "word" took 14 s
 * to hyphenate and nothing could stop it. Bounds are generous: they separate linear from quadratic.
 */
const MINI = path.join(FIXTURES, 'books/mini');
const GB = 1024 ** 3;
const books: string[] = [];
afterAll(async () => Promise.all(books.map((dir) => rm(dir, { recursive: true, force: true }))));

async function bookWith(texts: Record<string, string>): Promise<string> {
  const book = await copyBook(MINI);
  books.push(book);
  for (const [file, text] of Object.entries(texts)) await appendFile(path.join(book, file), `\n${text}\n`);
  return book;
}

const LOREM = 'lorem ipsum dolor sit amet '.repeat(4_000);
const table = (cell: string, rows: number) => `| a | b |\n|---|---|\n${Array.from({ length: rows }, (_, i) => `| ${cell} ${i} | x |`).join('\n')}`;

describe('check on blocks of any size', () => {
  it('lints a 108 KB paragraph in English, Vietnamese and Khmer files in bounded time and memory', async () => {
    const book = await bookWith({ 'manuscript/01-river.md': LOREM, 'translations/vi/01-river.md': LOREM, 'translations/km/01-river.md': LOREM });
    const run = await measuredCli(['check', book, '--json']);
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    const rules = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId);
    expect(rules).toContain('script-latin-in-km');
    expect(rules).toContain('identical-to-source');
    expect(run.seconds).toBeLessThan(60);
    expect(run.peakBytes).toBeLessThan(1 * GB);
  });

  it('lints a 20,000-row table in bounded time and memory', async () => {
    const book = await bookWith({
      'manuscript/01-river.md': table('row', 20_000),
      'translations/vi/01-river.md': table('hàng', 20_000),
      'translations/km/01-river.md': table('ជួរ', 20_000),
    });
    const run = await measuredCli(['check', book]);
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(run.code).toBe(0);
    expect(run.seconds).toBeLessThan(240);
    expect(run.peakBytes).toBeLessThan(2 * GB);
  });
});

describe('text steps bounded in the size of their input', () => {
  it('leaves a 32,000-letter "word" and a 2 MB one whole, at once', () => {
    for (const letters of [32_000, 2_000_000]) {
      const word = 'abcdefghij'.repeat(letters / 10);
      const started = performance.now();
      expect(hyphenateWords(`an ${word} example`)).toBe(`an ${word} ex\u00adam\u00adple`);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it('breaks 80,000 characters of Khmer into words in well under a second, keeping every character', () => {
    const khmer = 'អ្នកនេសាទធ្វើការលើទន្លេរៀងរាល់ព្រឹក'.repeat(2_300);
    const started = performance.now();
    const broken = khmerWordBreaks(khmer);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(broken.replaceAll('\u200b', '')).toBe(khmer);
    expect(broken.slice(0, 60)).toBe(khmerWordBreaks(khmer.slice(0, 35 * 2)).slice(0, 60));
  });

  it('segments in pieces exactly like the whole text where there are spaces', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const text = 'Ngư dân làm việc trên sông, and the Mekong flows. '.repeat(300);
    const whole = [...segmenter.segment(text)].map(({ segment, index }) => [segment, index]);
    expect([...boundedSegments(segmenter, text)].map(({ segment, index }) => [segment, index])).toEqual(whole);
  });
});

describe('lint time stays linear in the size of a block', () => {
  const SCRIPTS = {
    en: 'The river flows past the market every morning, ',
    vi: 'Dòng sông chảy qua chợ mỗi buổi sáng, ',
    km: 'ទន្លេហូរកាត់ផ្សាររៀងរាល់ព្រឹក ',
    mixed: 'Mekong ទន្លេមេគង្គ sông Cửu Long\u200b ',
  } as const;
  type Script = keyof typeof SCRIPTS;

  async function lintSeconds(script: Script, kilobytes: number): Promise<number> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-linear-'));
    books.push(dir);
    const unit = SCRIPTS[script];
    const block = unit.repeat(Math.ceil((kilobytes * 1024) / Buffer.byteLength(unit)));
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'manuscript'));
    await mkdir(path.join(dir, 'translations/km'), { recursive: true });
    await writeFile(path.join(dir, 'manuscript/01-a.md'), `---\ntitle: A\n---\n\n${block}\n`);
    await writeFile(path.join(dir, 'translations/km/01-a.md'), `---\ntitle: ក\n---\n\n${block}\n`);
    const book = await loadFixtureBook(dir);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      lintBook(book);
      runs.push(performance.now() - started);
    }
    // The fastest run: other test files share the two cores, and they only ever add time.
    return Math.min(...runs);
  }

  it('spends no more time per KB on a block 4× larger (within 3×), for random sizes and scripts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Script>('en', 'vi', 'km', 'mixed'), fc.integer({ min: 32, max: 96 }), async (script, kilobytes) => {
        const small = await lintSeconds(script, kilobytes);
        const large = await lintSeconds(script, kilobytes * 4);
        expect(large / 4 / Math.max(small, 1)).toBeLessThan(3);
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});
