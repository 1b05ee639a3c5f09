import { createHash } from 'node:crypto';
import { VFile } from 'vfile';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ManuscriptDocument } from './model.js';

/** What reading one file produced: the parsed document and the diagnostics found on the way. */
export type ParsedFile = { document: ManuscriptDocument; diagnostics: Diagnostic[] } | { document: undefined; diagnostics: Diagnostic[] };

interface Entry {
  hash: string;
  parsed: ParsedFile;
}

/**
 * Parsed and segmented manuscript files, keyed by book, path and language, valid while the file's
 * bytes hash the same (sha256). Preview and `build --watch` keep one across rebuilds, so a change to
 * one paragraph re-parses one file. Only the newest version of each file is kept.
 *
 * Cached trees are shared between runs: stages treat documents as read-only (layout clones blocks
 * before rendering them).
 */
export class DocumentCache {
  private readonly entries = new Map<string, Entry>();
  /** Keys looked up or stored since the last prune: entries of deleted or renamed files are dropped then. */
  private readonly used = new Set<string>();
  /** How many files were parsed (cache misses): tests use it to prove unchanged files are not. */
  parses = 0;
  hits = 0;

  static hash(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The cached result for this file if its bytes still hash to `hash`, else undefined. */
  lookup(key: string, hash: string): ParsedFile | undefined {
    this.used.add(key);
    const entry = this.entries.get(key);
    if (entry?.hash !== hash) return undefined;
    this.hits++;
    return fresh(entry.parsed);
  }

  store(key: string, hash: string, parsed: ParsedFile): void {
    this.parses++;
    this.used.add(key);
    this.entries.set(key, { hash, parsed });
  }

  /** Forgets files not read since the last prune (call it after a whole-book run). */
  prune(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  /** Every entry, for saving to disk. */
  export(): [key: string, hash: string, parsed: ParsedFile][] {
    return [...this.entries].map(([key, entry]) => [key, entry.hash, entry.parsed]);
  }

  /** Entries saved by an earlier process; they count as neither parses nor hits. */
  seed(entries: Iterable<[key: string, hash: string, parsed: ParsedFile]>): void {
    for (const [key, hash, parsed] of entries) this.entries.set(key, { hash, parsed });
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A hit gets its own VFile (same path, text and data, no messages) and diagnostics array, so messages
 * that later stages leave on a file, or diagnostics they push, never leak into the next run.
 */
function fresh(parsed: ParsedFile): ParsedFile {
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.document) return { document: undefined, diagnostics };
  const { file } = parsed.document;
  const copy = new VFile({ path: file.path, value: file.value, data: file.data });
  return { document: { ...parsed.document, file: copy }, diagnostics };
}
