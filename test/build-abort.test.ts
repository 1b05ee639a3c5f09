import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildBook, type ProgressEvent } from '../src/pipeline/build-book.js';

const MINI = path.resolve(import.meta.dirname, 'fixtures/books/mini');

/**
 * (Outside the inner ring: importing the whole pipeline takes seconds.) An aborted build stops at the next stage, before any Chromium: a Chromium that cannot exist
 * (PUPPETEER_EXECUTABLE_PATH at nothing) would fail the build with another error if it were started.
 */
it('a signal aborted while the manuscript loads stops buildBook before printing, with its reason, writing nothing', async () => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-abort-'));
  const previous = process.env.PUPPETEER_EXECUTABLE_PATH;
  process.env.PUPPETEER_EXECUTABLE_PATH = path.join(outDir, 'no-chromium-here');
  const controller = new AbortController();
  const reason = new Error('stopped by the test');
  const stages: ProgressEvent[] = [];
  try {
    const build = buildBook({
      bookDir: MINI,
      outDir,
      editions: ['mini-print'],
      onProgress: (event) => {
        stages.push(event);
        if (event.stage === 'manuscript') controller.abort(reason);
      },
      signal: controller.signal,
    });
    await expect(build).rejects.toBe(reason);
  } finally {
    if (previous === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
    else process.env.PUPPETEER_EXECUTABLE_PATH = previous;
  }
  expect(stages.map((s) => s.stage)).toEqual(['config', 'manuscript']);
  expect(await readdir(outDir)).toEqual([]);
});

it('an already aborted signal stops buildBook before it reads the book', async () => {
  const reason = new Error('never started');
  const stages: string[] = [];
  await expect(buildBook({ bookDir: path.join(MINI, 'does-not-exist'), signal: AbortSignal.abort(reason), onProgress: (e) => stages.push(e.stage) })).rejects.toBe(reason);
  expect(stages).toEqual([]);
});
