/**
 * `npm run bench`: builds synthetic trilingual books of about 50, 300 and 1,000 pages (the edition's
 * own text, src/bench/synthetic-book.ts) and prints, per size, seconds per stage, pages per second,
 * peak RSS with Chromium, and the ratio against raw Chromium `page.pdf()` of the same final HTML,
 * measured in the same run. Writes bench/results.json. Prints figures; asserts nothing.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { resolveEditions } from '../config/schema.js';
import { buildEpubEdition } from '../pipeline/epub-edition.js';
import { printEdition } from '../pipeline/print-edition.js';
import { lintBook } from '../lint/index.js';
import { loadBook } from '../manuscript/load.js';
import { writeOutput } from '../fs/atomic.js';
import { launchBrowser } from '../output/browser.js';
import { printHtml } from '../output/pdf.js';
import { PACKAGE_ROOT, TEMPLATES_DIR } from '../paths.js';
import { PeakRss } from './peak-rss.js';
import { realText, writeSyntheticBook } from './synthetic-book.js';
import { editionContext } from '../layout/edition-view.js';

/** About 38 A5 pages per chapter of 6 sections × 6 rows in the columns edition (measured). */
const run = promisify(execFile);
const SIZES = (process.env.BENCH_PAGES ?? '50,300,1000').split(',').map(Number);

interface SizeResult {
  targetPages: number;
  pages: number;
  seconds: Record<string, number>;
  totalSeconds: number;
  pagesPerSecond: number;
  peakRssMb: number;
  rawPrintSeconds: number;
  ratioToRawPrint: number;
  /** `parallel-press build` of both editions in a fresh process, wall clock, no cache. */
  cliBuildSeconds: number;
}

const source = await realText();
const results: SizeResult[] = [];
console.log(`machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const target of SIZES) results.push(await benchSize(target));
await mkdir(path.join(PACKAGE_ROOT, 'bench'), { recursive: true });
await writeOutput(path.join(PACKAGE_ROOT, 'bench/results.json'), `${JSON.stringify({ machine: { cores: os.availableParallelism(), loadavg: os.loadavg() }, results }, null, 2)}\n`);
console.log('wrote bench/results.json');

async function benchSize(targetPages: number): Promise<SizeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-'));
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-work-'));
  const rss = new PeakRss();
  try {
    await writeSyntheticBook(dir, { chapters: Math.max(1, Math.round(targetPages / 38)), sectionsPerChapter: 6, rowsPerSection: 6 }, source);
    rss.start();
    const seconds: Record<string, number> = {};
    const time = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
      const started = performance.now();
      const value = await run();
      seconds[stage] = (seconds[stage] ?? 0) + (performance.now() - started) / 1000;
      return value;
    };
    const config = await time('parse', () => loadConfig(dir));
    const book = await time('parse', () => loadBook(dir, config));
    await time('check', () => lintBook(book));
    const [pdfEdition, epubEdition] = resolveEditions(config);
    if (pdfEdition?.format !== 'pdf' || epubEdition?.format !== 'epub') throw new Error('the synthetic book has a PDF and an EPUB edition');
    const browser = await time('launch Chromium', () => launchBrowser());
    let raw = 0;
    let pages = 0;
    try {
      const printed = await printEdition({ browser, edition: pdfEdition, context: editionContext(book, pdfEdition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, allowedRoots: [dir, TEMPLATES_DIR, workDir], outPath: path.join(dir, 'out.pdf') });
      pages = printed.pages;
      seconds.layout = printed.timings.layout / 1000;
      printed.timings.print.forEach((ms, i) => (seconds[`print pass ${i + 1}`] = ms / 1000));
      seconds['post-process'] = printed.timings.postProcess / 1000;
      // The reference: Chromium alone printing the very HTML of the final pass, with the same options.
      const started = performance.now();
      await printHtml({ browser, html: printed.html, workDir, allowedRoots: [dir, TEMPLATES_DIR, workDir], editionId: 'raw', outPath: 'raw.pdf', final: true });
      raw = (performance.now() - started) / 1000;
      await time('EPUB', () => buildEpubEdition({ edition: epubEdition, context: editionContext(book, epubEdition, new Date(0)), templatesDir: TEMPLATES_DIR, workDir, outPath: path.join(dir, 'out.epub'), browser: async () => browser }));
    } finally {
      await browser.close();
    }
    const peak = rss.stop();
    // What a publisher waits for: the CLI, cold (a new process, no build/.cache), both editions.
    const cliStarted = performance.now();
    await run(process.execPath, [path.join(PACKAGE_ROOT, 'dist/cli.js'), 'build', dir, '--no-cache', '--out', path.join(workDir, 'cli')]);
    const cliBuildSeconds = round((performance.now() - cliStarted) / 1000);
    const totalSeconds = Object.values(seconds).reduce((a, b) => a + b, 0);
    const pdfSeconds = totalSeconds - (seconds.EPUB ?? 0);
    const result: SizeResult = {
      targetPages,
      pages,
      seconds: Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, round(v)])),
      totalSeconds: round(totalSeconds),
      pagesPerSecond: round(pages / totalSeconds, 1),
      peakRssMb: Math.round(peak / 2 ** 20),
      rawPrintSeconds: round(raw),
      ratioToRawPrint: round(pdfSeconds / raw),
      cliBuildSeconds,
    };
    print(result);
    return result;
  } finally {
    rss.stop();
    await Promise.all([rm(dir, { recursive: true, force: true }), rm(workDir, { recursive: true, force: true })]);
  }
}

function print(r: SizeResult): void {
  console.log(`\n~${r.targetPages} pages (${r.pages} printed): ${r.totalSeconds} s PDF+EPUB, ${r.pagesPerSecond} pages/s, peak RSS ${r.peakRssMb} MB`);
  for (const [stage, s] of Object.entries(r.seconds)) console.log(`  ${stage.padEnd(16)} ${s.toFixed(2)} s`);
  console.log(`  raw Chromium page.pdf() of the final HTML: ${r.rawPrintSeconds} s; PDF pipeline / raw = ${r.ratioToRawPrint}`);
  console.log(`  parallel-press build (CLI, cold, PDF + EPUB): ${r.cliBuildSeconds} s`);
}

function round(value: number, digits = 2): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
