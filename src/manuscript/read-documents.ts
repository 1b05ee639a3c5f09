import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentCache, type ParsedFile } from './document-cache.js';
import type { ParseJob } from './parse-document.js';
import { parseMany, type Parse } from './parse-pool.js';

export interface ReadOptions {
  /** Parsed files from earlier runs: a file whose bytes hash the same is not parsed again. */
  cache?: DocumentCache;
  /** Worker threads for parsing (0: none); default: as many as useful for the amount of text. */
  threads?: number;
}

/**
 * A chapter file larger than this is refused before parsing: parsing runs at ~0.7 MB/s, so a
 * 50 MB paste would hold a build for over a minute, and no chapter is that long (the whole of
 * War and Peace is 3.2 MB of text).
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

function tooLarge(rel: string, bytes: number) {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return { file: rel, severity: 'error' as const, ruleId: 'file-too-large', message: `${rel} is ${mb(bytes)}: expected a chapter file under ${mb(MAX_FILE_BYTES)}; split it into several chapter files (and check it holds text, not a pasted export)` };
}

/**
 * Reads every file of `jobs` and parses those the cache does not hold, all at once so that a cold
 * load can use several cores. Keyed by `rel`; an unreadable file is a diagnostic, not an exception.
 */
export async function readDocuments(bookDir: string, jobs: readonly Omit<ParseJob, 'bookDir'>[], options: ReadOptions = {}): Promise<Map<string, ParsedFile>> {
  const { cache } = options;
  const read = await Promise.all(
    jobs.map(async ({ rel, lang }) => {
      const job: ParseJob = { bookDir, rel, lang };
      try {
        const bytes = await readFile(path.join(bookDir, rel));
        if (bytes.length > MAX_FILE_BYTES) return { job, failed: { document: undefined, diagnostics: [tooLarge(rel, bytes.length)] } satisfies ParsedFile };
        return { job, bytes };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        return { job, failed: { document: undefined, diagnostics: [{ file: rel, severity: 'error', ruleId: 'file-unreadable', message: `Cannot read ${rel} (${code}): expected a readable UTF-8 markdown file; check its permissions` }] } satisfies ParsedFile };
      }
    }),
  );
  const out = new Map<string, ParsedFile>();
  const misses: (Parse & { key: string; hash: string })[] = [];
  for (const item of read) {
    if ('failed' in item) {
      out.set(item.job.rel, item.failed);
      continue;
    }
    const key = `${bookDir}\0${item.job.rel}\0${item.job.lang}`;
    const hash = cache ? DocumentCache.hash(item.bytes) : '';
    const hit = cache?.lookup(key, hash);
    if (hit) out.set(item.job.rel, hit);
    else misses.push({ ...item, key, hash });
  }
  const parsed = await parseMany(misses, options.threads);
  misses.forEach((miss, index) => {
    const result = parsed[index] as ParsedFile;
    cache?.store(miss.key, miss.hash, result);
    out.set(miss.job.rel, result);
  });
  return out;
}
