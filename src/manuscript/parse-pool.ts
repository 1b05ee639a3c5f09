import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedFile } from './document-cache.js';
import { parseDocument, reviveParsed, type ParseJob } from './parse-document.js';

/** Below this much markdown, starting threads costs more than it saves. */
export const PARALLEL_BYTES = 1_000_000;
/** A thread spends about this long loading the parser before its first file: as much as parsing this many bytes. */
const STARTUP_BYTES = 400_000;
const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** Batches parsed in worker threads, and batches that fell back to this thread: tests read them. */
export const poolStats = { workerBatches: 0, fallbacks: 0 };

export interface Parse {
  job: ParseJob;
  bytes: Uint8Array;
}

/**
 * Parses many files, on several cores when there is enough text (a cold `check` of a 1,000-page
 * book): this thread takes a share and each worker thread the rest, shares balanced by size.
 * `threads` overrides how many workers (0: none). Results come back in the order of `parses`.
 */
export async function parseMany(parses: Parse[], threads?: number): Promise<ParsedFile[]> {
  const total = parses.reduce((sum, p) => sum + p.bytes.byteLength, 0);
  // Workers run compiled JavaScript only (under a TypeScript test runner this module is .ts).
  const available = WORKER_URL.pathname.endsWith('.js') ? Math.min(3, os.availableParallelism() - 1) : 0;
  const workers = threads ?? (total >= PARALLEL_BYTES ? available : 0);
  if (workers <= 0 || parses.length < 2) return parses.map((p) => parseDocument(p.job, p.bytes));

  // Greedy by size, biggest first; worker lanes start behind by their startup time.
  const lanes = Array.from({ length: workers + 1 }, (_, lane) => ({ load: lane === 0 ? 0 : STARTUP_BYTES, items: [] as number[] }));
  const order = parses.map((_, index) => index).sort((a, b) => (parses[b]?.bytes.byteLength ?? 0) - (parses[a]?.bytes.byteLength ?? 0));
  for (const index of order) {
    const lane = lanes.reduce((best, candidate) => (candidate.load < best.load ? candidate : best));
    lane.items.push(index);
    lane.load += parses[index]?.bytes.byteLength ?? 0;
  }

  const results: ParsedFile[] = new Array<ParsedFile>(parses.length);
  const remote = lanes.slice(1).filter((lane) => lane.items.length > 0).map((lane) => inWorker(lane.items.map((i) => parses[i] as Parse)).then((parsed) => ({ lane, parsed })));
  // This thread parses its own share while the workers parse theirs.
  for (const index of lanes[0]?.items ?? []) results[index] = parseDocument((parses[index] as Parse).job, (parses[index] as Parse).bytes);
  for (const { lane, parsed } of await Promise.all(remote)) lane.items.forEach((index, k) => (results[index] = parsed[k] as ParsedFile));
  return results;
}

/** One batch in a fresh worker; if the worker fails, the batch is parsed here instead. */
async function inWorker(batch: Parse[]): Promise<ParsedFile[]> {
  const worker = new Worker(WORKER_URL);
  try {
    const answer = await new Promise<ParsedFile[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`parse worker exited with ${code}`)));
      worker.postMessage(batch);
    });
    poolStats.workerBatches++;
    return answer.map(reviveParsed);
  } catch {
    poolStats.fallbacks++;
    return batch.map((p) => parseDocument(p.job, p.bytes));
  } finally {
    void worker.terminate();
  }
}
