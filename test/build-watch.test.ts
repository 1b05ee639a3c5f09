import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchBuild } from '../src/watch/watch-build.js';
import type { BuildResult } from '../src/pipeline/build-book.js';
import { DocumentCache } from '../src/manuscript/document-cache.js';
import type { UserError } from '../src/diagnostics/index.js';
import { CLI, copyBook, FIXTURES } from './helpers/cli.js';
import { unzipEpub } from './helpers/epub.js';

type Outcome = { result: BuildResult } | { error: UserError };

/** A copy of the mini book with a second EPUB edition without Khmer, so a Khmer change can skip it. */
async function bookWithTwoEpubs(): Promise<string> {
  const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
  const yaml = await readFile(path.join(dir, 'book.yaml'), 'utf8');
  await writeFile(path.join(dir, 'book.yaml'), `${yaml}  - id: mini-en-vi\n    format: epub\n    languages: [en, vi]\n`);
  return dir;
}

async function epubText(file: string): Promise<string> {
  return [...(await unzipEpub(file)).values()].join('\n');
}

describe('build --watch', () => {
  it('rebuilds only the editions a change affects, parsing only the changed file', async () => {
    const dir = await bookWithTwoEpubs();
    const outcomes: Outcome[] = [];
    const starts: string[][] = [];
    let next: (() => void) | undefined;
    const cache = new DocumentCache();
    const watcher = await watchBuild({
      bookDir: dir,
      editions: ['mini-epub', 'mini-en-vi'],
      cache,
      onStart: (editions) => starts.push(editions),
      onBuild: (outcome) => {
        outcomes.push(outcome);
        next?.();
      },
      onInternalError: (error) => {
        throw error;
      },
    });
    const built = () => new Promise<void>((resolve) => (next = resolve));
    try {
      expect(outcomes).toHaveLength(1);
      expect(cache.parses).toBe(3);
      const km = path.join(dir, 'translations/km/01-river.md');
      const source = await readFile(km, 'utf8');

      let done = built();
      await writeFile(km, source.replace('ទន្លេមេគង្គហូរពីភ្នំទៅសមុទ្រ។', 'ទន្លេមេគង្គហូរពីភ្នំទៅសមុទ្រ (edit 1)។'));
      await done;
      expect(starts.at(-1)).toEqual(['mini-epub']);
      expect(cache.parses).toBe(4);
      const result = outcomes.at(-1);
      expect(result && 'result' in result && result.result.editions.map((e) => e.id)).toEqual(['mini-epub']);
      expect(await epubText(path.join(dir, 'build/mini-epub.epub'))).toContain('(edit 1)');

      // A misaligned translation fails the build, leaves the previous EPUB, and the watch goes on.
      done = built();
      await writeFile(km, `${source}\nថែមមួយទៀត\n`);
      await done;
      const failed = outcomes.at(-1);
      expect(failed && 'error' in failed && failed.error.diagnostics.map((d) => d.ruleId)).toContain('block-extra');
      expect(await epubText(path.join(dir, 'build/mini-epub.epub'))).toContain('(edit 1)');

      done = built();
      await writeFile(km, source);
      await done;
      expect(await epubText(path.join(dir, 'build/mini-epub.epub'))).not.toContain('(edit 1)');
      expect(cache.parses).toBe(6);
    } finally {
      await watcher.close();
    }
  });

  it('runs from the command line until Ctrl-C, then exits 0', async () => {
    const dir = await bookWithTwoEpubs();
    const child = spawn(process.execPath, [CLI, 'build', dir, '--watch', '--edition', 'mini-epub'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('Watching for changes')) resolve();
      }),
    );
    expect(stdout).toContain('built mini-epub');
    const en = path.join(dir, 'manuscript/01-river.md');
    await writeFile(en, (await readFile(en, 'utf8')).replace('every morning', 'every evening'));
    await expect.poll(() => stderr, { timeout: 30_000 }).toMatch(/manuscript\/01-river\.md changed: rebuilding mini-epub[\s\S]*built in/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
