import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../src/manuscript/document-cache.js';
import type { BuildResult } from '../src/pipeline/build-book.js';
import type { UserError } from '../src/diagnostics/index.js';
import { watchBuild } from '../src/watch/watch-build.js';
import { copyBook, FIXTURES } from './helpers/cli.js';
import { pdfText } from './helpers/pdf.js';

type Outcome = { result: BuildResult } | { error: UserError };

// Every directory a build of this process makes in the temp folder is named with its PID
// (parallel-press-work-PID-…, parallel-press-chromium-PID-…): those are the ones this file watches.
const tmp = os.tmpdir();
const ours = `parallel-press-chromium-${process.pid}-`;

/** The Chromium profile directories of running processes under this file's TMPDIR, by pid. */
function chromiumProfiles(): Map<number, string> {
  let out = '';
  try {
    out = execFileSync('pgrep', ['-af', `user-data-dir=${path.join(tmp, ours)}`], { encoding: 'utf8' });
  } catch {
    return new Map(); // pgrep exits 1 when nothing matches
  }
  const found = new Map<number, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const profile = /--user-data-dir=(\S+)/.exec(line)?.[1];
    if (profile) found.set(Number(line.split(' ')[0]), profile);
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('build --watch, a change during a rebuild', () => {
  it('aborts the out-of-date rebuild (its Chromium killed, its temp files removed) and builds the newer change', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const outcomes: Outcome[] = [];
    const starts: string[][] = [];
    const superseded: string[][] = [];
    let next: (() => void) | undefined;
    const watcher = await watchBuild({
      bookDir: dir,
      editions: ['mini-print'],
      cache: new DocumentCache(),
      onStart: (editions) => starts.push(editions),
      onSuperseded: (editions) => superseded.push(editions),
      onBuild: (outcome) => {
        outcomes.push(outcome);
        next?.();
      },
      onInternalError: (error) => {
        throw error;
      },
    });
    try {
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0] && 'result' in outcomes[0], JSON.stringify(outcomes[0] && 'error' in outcomes[0] ? outcomes[0].error.diagnostics : undefined)).toBe(true);
      const pdf = path.join(dir, 'build/mini-print.pdf');
      const chapter = path.join(dir, 'manuscript/01-river.md');
      const source = await readFile(chapter, 'utf8');

      // First change: wait until its rebuild has a Chromium running, then save a newer change.
      const done = new Promise<void>((resolve) => (next = resolve));
      await writeFile(chapter, source.replace('to the sea.', 'to the sea (edit 1).'));
      let profiles = new Map<number, string>();
      for (let i = 0; i < 3000 && profiles.size === 0; i++) {
        await sleep(10);
        profiles = chromiumProfiles();
      }
      expect(profiles.size).toBeGreaterThan(0);
      const outdated = new Set(profiles.values());
      await writeFile(chapter, source.replace('to the sea.', 'to the sea (edit 2).'));

      // The outdated rebuild stops at once: none of its Chromium processes is left, nor its profile.
      await expect.poll(() => superseded.length, { timeout: 30_000 }).toBe(1);
      expect(superseded[0]).toEqual(['mini-print']);
      await expect.poll(() => [...chromiumProfiles().values()].filter((p) => outdated.has(p)), { timeout: 5_000 }).toEqual([]);
      for (const profile of outdated) await expect(readdir(path.dirname(profile))).rejects.toThrow(/ENOENT/);

      // One build reports, with the newer text; the outdated one reported nothing.
      await done;
      expect(outcomes).toHaveLength(2);
      const last = outcomes.at(-1);
      expect(last && 'result' in last && last.result.editions.map((e) => e.id)).toEqual(['mini-print']);
      const text = pdfText(pdf);
      expect(text).toContain('(edit 2)');
      expect(text).not.toContain('(edit 1)');
      await expect.poll(() => chromiumProfiles().size, { timeout: 5_000 }).toBe(0);
      // Nothing of any build (work directories, Chromium profiles) is left in the temp directory.
      expect((await readdir(tmp)).filter((name) => name.startsWith(`parallel-press-work-${process.pid}-`) || name.startsWith(ours))).toEqual([]);
    } finally {
      await watcher.close();
    }
  });
});
