/**
 * `npm run bench`: builds synthetic books of about 300, 500 and 1,000 columns pages (the edition's own
 * text, src/bench/synthetic-book.ts; `BENCH_PAGES=300` for one size) and prints, per size and layout
 * (columns, interleaved, facing): our print of the edition against raw Chromium `page.pdf()` of the
 * same final HTML in the same run, the prints it took (and how many were mispredictions), and the
 * peak PSS of the process tree (Node and Chromium) during each; then a cold CLI build of the columns
 * edition and its time before the first print. Writes bench/results.json. Prints figures; asserts nothing.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolveEditions, type PdfEdition } from '../config/schema.js';
import { buildEpubEdition } from '../pipeline/epub-edition.js';
import { printEdition } from '../pipeline/print-edition.js';
import type { Manifest } from '../pipeline/manifest.js';
import { lintBook } from '../lint/index.js';
import { loadBook } from '../manuscript/load.js';
import { writeOutput } from '../fs/atomic.js';
import { findChromium, launchBrowser, type PrintBrowser } from '../output/browser.js';
import { printHtml } from '../output/pdf.js';
import { PACKAGE_ROOT, TEMPLATES_DIR } from '../paths.js';
import { PeakRss } from './peak-rss.js';
import { realText, writeSyntheticBook } from './synthetic-book.js';
import { editionContext } from '../layout/edition-view.js';

const run = promisify(execFile);
/** About 38 A5 pages per chapter of 6 sections × 6 rows in the columns edition (measured). */
const PAGES_PER_CHAPTER = 38;
const SIZES = (process.env.BENCH_PAGES ?? '300,500,1000').split(',').map(Number);

interface LayoutResult {
  edition: string;
  layout: string;
  pages: number;
  /** printEdition: layout, prediction, every print, post-processing, write. */
  seconds: number;
  stages: Record<string, number>;
  rawSeconds: number;
  /** Ours / raw: the goal is ≤ 1.25 for columns and interleaved, ≤ 1.4 for facing. */
  ratio: number;
  prints: number;
  /** Times Chromium loaded the book for this edition (flow layouts: 1 when printed from the prediction's page). */
  loads?: number;
  mispredictions: number;
  peakPssMb: number;
  rawPeakPssMb: number;
}

interface SizeResult {
  targetPages: number;
  /** `launch`: every Chromium started, summed (each edition's print and its raw print get their own). */
  seconds: { parse: number; check: number; launch: number; epub: number };
  layouts: LayoutResult[];
  /** `parallel-press build --edition synthetic-print` in a fresh process, no cache: wall clock. */
  cli: { seconds: number; startupSeconds: number; pages: number };
}

const source = await realText();
const machine = { cores: os.availableParallelism(), chromium: chromiumVersion(), loadavg: os.loadavg().map((l) => round(l, 1)) };
console.log(`machine: ${machine.cores} cores, ${machine.chromium}, load average ${machine.loadavg.join(' ')}`);
const results: SizeResult[] = [];
for (const target of SIZES) results.push(await benchSize(target));
const mispredictions = results.flatMap((r) => r.layouts).reduce((sum, l) => sum + l.mispredictions, 0);
console.log(`\nmispredictions over every edition of every size: ${mispredictions}`);
await mkdir(path.join(PACKAGE_ROOT, 'bench'), { recursive: true });
await writeOutput(path.join(PACKAGE_ROOT, 'bench/results.json'), `${JSON.stringify({ machine: { ...machine, loadavgAfter: os.loadavg().map((l) => round(l, 1)) }, mispredictions, results }, null, 2)}\n`);
console.log('wrote bench/results.json');

async function benchSize(targetPages: number): Promise<SizeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-'));
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-work-'));
  const pss = new PeakRss();
  try {
    await writeSyntheticBook(dir, { chapters: Math.max(1, Math.round(targetPages / PAGES_PER_CHAPTER)), sectionsPerChapter: 6, rowsPerSection: 6 }, source);
    const seconds = { parse: 0, check: 0, launch: 0, epub: 0 };
    const time = async <T>(stage: keyof typeof seconds, work: () => Promise<T> | T): Promise<T> => {
      const started = performance.now();
      const value = await work();
      seconds[stage] += (performance.now() - started) / 1000;
      return value;
    };
    const config = await time('parse', () => loadConfig(dir));
    const book = await time('parse', () => loadBook(dir, config));
    await time('check', () => lintBook(book));
    const editions = resolveEditions(config);
    const pdfEditions = editions.filter((e): e is PdfEdition => e.format === 'pdf');
    const epubEdition = editions.find((e) => e.format === 'epub');
    if (pdfEditions.length !== 3 || !epubEdition || epubEdition.format !== 'epub') throw new Error('the synthetic book has three PDF editions and an EPUB edition');
    const allowedRoots = [dir, TEMPLATES_DIR, workDir];
    const layouts: LayoutResult[] = [];
    // Ours and raw each in a Chromium of its own, started untimed and without a page: both print
    // cold, opening every page they use (a build opens its first pages while it parses and checks,
    // STARTUP_PAGES: only the cold CLI build below has that head start).
    const fresh = async <T>(work: (browser: PrintBrowser) => Promise<T>): Promise<T> => {
      const browser = await time('launch', () => launchBrowser());
      try {
        return await work(browser);
      } finally {
        await browser.close();
      }
    };
    for (const edition of pdfEditions) {
      pss.start();
      let started = performance.now();
      const printed = await fresh((browser) => {
        started = performance.now();
        return printEdition({ browser, edition, context: editionContext(book, edition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, allowedRoots, outPath: path.join(dir, `${edition.id}.pdf`) });
      });
      const ours = (performance.now() - started) / 1000;
      const peak = pss.stop();
      // The reference: Chromium alone printing the very HTML that was written, with the same options.
      pss.start();
      const raw = await fresh(async (browser) => {
        const at = performance.now();
        await printHtml({ browser, html: printed.html, workDir, allowedRoots, editionId: 'raw', outPath: 'raw.pdf', final: true });
        return (performance.now() - at) / 1000;
      });
      const rawPeak = pss.stop();
      // Facing measures its units (and lays its front matter out in pages in the same page); the flows predict the book.
      const planning = printed.timings.measure !== undefined ? { measure: printed.timings.measure } : { [`predict ×${printed.timings.predictions ?? 0}`]: printed.timings.predict };
      const stages = { layout: printed.timings.layout, ...planning, ...Object.fromEntries(printed.timings.print.map((ms, i) => [`print ${i + 1}`, ms])), 'post-process': printed.timings.postProcess };
      layouts.push({
        edition: edition.id,
        layout: edition.layout,
        pages: printed.pages,
        seconds: round(ours),
        stages: Object.fromEntries(Object.entries(stages).map(([k, ms]) => [k, round(ms / 1000)])),
        rawSeconds: round(raw),
        ratio: round(ours / raw),
        prints: printed.timings.print.length,
        ...(printed.timings.loads !== undefined ? { loads: printed.timings.loads } : {}),
        mispredictions: printed.mispredictions,
        peakPssMb: Math.round(peak / 2 ** 20),
        rawPeakPssMb: Math.round(rawPeak / 2 ** 20),
      });
    }
    await fresh((browser) => time('epub', () => buildEpubEdition({ edition: epubEdition, context: editionContext(book, epubEdition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, outPath: path.join(dir, 'out.epub'), browser: async () => browser })));
    const result: SizeResult = { targetPages, seconds: roundAll(seconds), layouts, cli: await cliBuild(dir, workDir) };
    print(result);
    return result;
  } finally {
    pss.stop();
    await Promise.all([rm(dir, { recursive: true, force: true }), rm(workDir, { recursive: true, force: true })]);
  }
}

/**
 * What a publisher waits for: the CLI, cold (a new process, no build/.cache), the columns edition.
 * Before the first print: everything but the edition's own time in the manifest (process start,
 * module loading, parsing and checking, and whatever of Chromium's start they did not hide).
 */
async function cliBuild(dir: string, workDir: string): Promise<SizeResult['cli']> {
  const out = path.join(workDir, 'cli');
  const started = performance.now();
  await run(process.execPath, [path.join(PACKAGE_ROOT, 'dist/cli.js'), 'build', dir, '--no-cache', '--edition', 'synthetic-print', '--out', out]);
  const seconds = (performance.now() - started) / 1000;
  const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  const edition = manifest.editions.find((e) => e.id === 'synthetic-print');
  return { seconds: round(seconds), startupSeconds: round(seconds - (edition?.ms ?? 0) / 1000), pages: edition?.pages ?? 0 };
}

function print(r: SizeResult): void {
  console.log(`\n~${r.targetPages} columns pages: parse ${r.seconds.parse} s, check ${r.seconds.check} s, launch ${r.seconds.launch} s, EPUB ${r.seconds.epub} s`);
  for (const l of r.layouts) {
    console.log(`  ${l.layout.padEnd(12)} ${String(l.pages).padStart(5)} pages: ours ${l.seconds} s, raw page.pdf ${l.rawSeconds} s, ×${l.ratio}, ${Math.round((l.seconds * 1000) / l.pages)} ms a page (raw ${Math.round((l.rawSeconds * 1000) / l.pages)}); ${l.prints} print(s)${l.loads !== undefined ? ` from ${l.loads} load(s)` : ''}, ${l.mispredictions} misprediction(s); peak PSS ${l.peakPssMb} MB (raw ${l.rawPeakPssMb} MB)`);
    console.log(`  ${''.padEnd(12)} ${Object.entries(l.stages).map(([k, s]) => `${k} ${s} s`).join(', ')}`);
  }
  console.log(`  CLI build, cold, columns (${r.cli.pages} pages): ${r.cli.seconds} s, of which ${r.cli.startupSeconds} s before the edition began printing`);
}

function chromiumVersion(): string {
  try {
    return execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v)])) as T;
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
