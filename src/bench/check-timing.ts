/**
 * `npm run bench:check`: how long `check` takes on a synthetic 1,000-page trilingual book, cold and
 * after a one-paragraph change (warm in-memory cache, as in preview and build --watch). Prints the
 * figures; never asserts on them (machines differ). Each figure is the best of RUNS, and the median.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkBook } from '../check/check-book.js';
import { DocumentCache } from '../manuscript/document-cache.js';
import { PACKAGE_ROOT } from '../paths.js';
import { THOUSAND_PAGES, writeSyntheticBook } from './synthetic-book.js';

const RUNS = Number(process.env.RUNS ?? 5);
const CLI = path.join(PACKAGE_ROOT, 'dist/cli.js');

const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-bench-check-'));
try {
  const bytes = await writeSyntheticBook(dir, THOUSAND_PAGES);
  console.log(`synthetic book: ${THOUSAND_PAGES.chapters} chapters × 3 languages, ${(bytes / 1e6).toFixed(2)} MB of markdown, about 1,000 A5 pages (columns)`);
  // Shared machines make timings noisy: say how busy this one was.
  console.log(`machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  // A fresh process each time: module loading, JIT warm-up and parsing every file (on several cores).
  report('check, whole CLI process, cold (--no-cache)', measure(() => execFileSync(process.execPath, [CLI, 'check', '--no-cache', dir], { stdio: 'ignore' })));
  execFileSync(process.execPath, [CLI, 'check', dir], { stdio: 'ignore' });
  report('check, whole CLI process, build/.cache warm, nothing changed', measure(() => execFileSync(process.execPath, [CLI, 'check', dir], { stdio: 'ignore' })));

  // In process, as preview and build --watch run it: the cache is filled once, then kept.
  const cache = new DocumentCache();
  const first = await checkBook(dir, { cache });
  if (first.diagnostics.some((d) => d.severity === 'error')) throw new Error('the synthetic book should check clean');

  report('check, in process, no cache (JIT warm)', await measureAsync(() => checkBook(dir)));
  report('check, in process, warm cache, nothing changed', await measureAsync(() => checkBook(dir, { cache })));

  const file = path.join(dir, 'translations/vi/015-part.md');
  const original = await readFile(file, 'utf8');
  let edit = 0;
  const parsesBefore = cache.parses;
  const changed = await measureAsync(async () => {
    await writeFile(file, original.replace(/\n\n([^\n#-][^\n]*)\n/, (_m, text: string) => `\n\n${text} (edit ${++edit})\n`));
    await checkBook(dir, { cache });
  });
  report('check, in process, warm cache, one paragraph changed', changed);
  console.log(`  files parsed for ${RUNS} one-paragraph changes: ${cache.parses - parsesBefore} (the book has ${cache.size} files)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

function measure(run: () => void): number[] {
  return Array.from({ length: RUNS }, () => {
    const t = performance.now();
    run();
    return performance.now() - t;
  });
}

async function measureAsync(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

function report(what: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const best = sorted[0] ?? NaN;
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  console.log(`${what}: best ${Math.round(best)} ms, median ${Math.round(median)} ms (${times.length} run${times.length > 1 ? 's' : ''})`);
}
