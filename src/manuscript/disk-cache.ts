import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { writeOutput } from '../fs/atomic.js';
import { PACKAGE_ROOT, TOOL_VERSION } from '../paths.js';
import { DocumentCache, type ParsedFile } from './document-cache.js';
import { flattenParsed, reviveParsed } from './parse-document.js';

/** Under the book's output directory, which is never part of the manuscript. */
export const CACHE_DIR = path.join('build', '.cache');

type SavedEntry = [key: string, hash: string, parsed: ParsedFile];

export interface PersistentCache {
  cache: DocumentCache;
  /** Writes the entries used by this run, if anything was parsed; never fails the command. */
  save(): Promise<void>;
}

/**
 * A DocumentCache seeded from BOOK_DIR/build/.cache, so a second `check` or `build` in a new process
 * parses only the files that changed. The file name carries a fingerprint of the tool version, the
 * parsing code and the installed packages: after an upgrade the old cache is ignored and removed.
 * A missing, unreadable or foreign cache file is ignored: the cache only ever saves time.
 */
export async function openDiskCache(bookDir: string): Promise<PersistentCache> {
  const dir = path.join(path.resolve(bookDir), CACHE_DIR);
  const file = path.join(dir, `parse-${await codeFingerprint()}.v8`);
  const cache = new DocumentCache();
  try {
    const saved: unknown = v8.deserialize(await readFile(file));
    if (Array.isArray(saved)) cache.seed((saved as SavedEntry[]).filter(isEntry).map(([key, hash, parsed]) => [key, hash, reviveParsed(parsed)]));
  } catch {
    // No cache yet, or one this version cannot read: start empty.
  }
  return {
    cache,
    async save() {
      const parsedNow = cache.parses;
      cache.prune();
      if (parsedNow === 0) return;
      try {
        await mkdir(dir, { recursive: true });
        await writeOutput(file, v8.serialize(cache.export().map(([key, hash, parsed]) => [key, hash, flattenParsed(parsed)])));
        for (const name of await readdir(dir)) {
          if (/^parse-.*\.v8$/.test(name) && name !== path.basename(file)) await rm(path.join(dir, name), { force: true });
        }
      } catch {
        // A read-only book directory only loses the speed-up.
      }
    },
  };
}

let fingerprint: Promise<string> | undefined;

/** sha256 of the tool version, the code that parses (this directory and markdown/) and the installed package lock. */
function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha256').update(TOOL_VERSION);
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const dir of [here, path.join(here, '../markdown')]) {
      for (const name of (await readdir(dir)).sort()) {
        if (/\.[jt]s$/.test(name)) hash.update(name).update(await readFile(path.join(dir, name)));
      }
    }
    hash.update(await readFile(path.join(PACKAGE_ROOT, 'node_modules/.package-lock.json')).catch(() => ''));
    return hash.digest('hex').slice(0, 16);
  })();
  return fingerprint;
}

function isEntry(entry: unknown): entry is SavedEntry {
  return Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string' && typeof entry[2] === 'object' && entry[2] !== null && Array.isArray((entry[2] as ParsedFile).diagnostics);
}
