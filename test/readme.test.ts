import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, stat, symlink, utimes } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookSchema } from '../src/config/schema.js';
import { configReference, END_MARKER, START_MARKER, withReference } from '../src/docs/config-reference.js';
import { ROOT } from './helpers/cli.js';
import { shellCommands } from './helpers/shell-commands.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('the README config reference', () => {
  it('is exactly what `npm run docs:config` generates from the schema', () => {
    expect(README).toContain(START_MARKER);
    expect(README).toContain(END_MARKER);
    // If this fails: run `npm run docs:config` and commit README.md.
    expect(withReference(README, configReference())).toBe(README);
  });

  it('describes every key of book.yaml', () => {
    const missing: string[] = [];
    type Node = { description?: string; properties?: Record<string, Node>; items?: Node; oneOf?: Node[] };
    const walk = (schema: Node, where: string) => {
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!child.description) missing.push(`${where}${key}`);
        if (child.properties) walk(child, `${where}${key}.`);
        // A list of objects, or of one of several shapes (an edition per format): every shape's keys.
        for (const shape of child.items ? [child.items, ...(child.items.oneOf ?? [])] : []) walk(shape, `${where}${key}[].`);
      }
    };
    walk(z.toJSONSchema(bookSchema, { io: 'input' }) as never, '');
    expect(missing).toEqual([]);
  });
});

/**
 * Every command in a ```sh block of the README runs, in document order, in one temporary copy of this
 * repository (its own book, the compiled CLI, node_modules linked), and must exit 0. A few are not
 * run; each says why, and the list is checked against the README so it cannot go stale.
 */
const NOT_RUN = new Map([
  ['npm test', 'this is the test suite itself'],
  ['npx parallel-press preview', 'a server that runs until Ctrl-C; test/preview.test.ts drives it in Chromium'],
  ['npx parallel-press build --watch', 'runs until Ctrl-C; test/build-watch.test.ts drives it'],
  ['npm run bench:check', 'a benchmark of a minute or more on a generated 1,000-page book; test/incremental.test.ts checks the cache it measures'],
  ['npm run bench', 'builds books of 50 to 1,000 pages, minutes; test/print-layout.test.ts checks what it times'],
  ['npm install ./parallel-press-0.1.0.tgz', 'installs the packed tarball; test/package-install.test.ts packs, installs, inits and builds in an empty directory'],
  ['bash node_modules/parallel-press/scripts/setup', 'the setup of an installed package; test/package-install.test.ts runs it there'],
]);

const COMMANDS = shellCommands(README);

function run(command: string, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-o', 'pipefail', '-c', command], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('every shell command in the README', () => {
  let copy: string;

  beforeAll(async () => {
    // npm ci (from scripts/setup) would run if the lock file were newer than the installed packages;
    // through the link below it must never touch the real node_modules.
    const [lock, installed] = await Promise.all([stat(path.join(ROOT, 'package-lock.json')), stat(path.join(ROOT, 'node_modules/.package-lock.json'))]);
    expect(lock.mtimeMs, 'run `bash scripts/setup` first').toBeLessThanOrEqual(installed.mtimeMs);
    copy = await mkdtemp(path.join(os.tmpdir(), 'pp-readme-'));
    const skip = new Set(['node_modules', '.git', 'build']);
    await cp(ROOT, copy, { recursive: true, preserveTimestamps: true, filter: (src) => !skip.has(path.relative(ROOT, src).split(path.sep)[0] ?? '') });
    await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    // dist/ is a copy of this compiled tree, but copying gave the directories new times, which
    // scripts/setup would take for edited sources: mark the copy compiled, as the original is.
    const now = new Date();
    await utimes(path.join(copy, 'dist/.compiled'), now, now);
  });

  it('lists only commands that the README shows', () => {
    for (const command of NOT_RUN.keys()) expect(COMMANDS).toContain(command);
  });

  for (const command of COMMANDS) {
    const reason = NOT_RUN.get(command);
    if (reason) {
      it.skip(`${command}  (not run: ${reason})`, () => undefined);
      continue;
    }
    it(`${command}  exits 0`, async () => {
      const { code, output } = await run(command, copy);
      expect(code, output).toBe(0);
      expect(await readFile(path.join(copy, 'book.yaml'), 'utf8')).toContain('editions:');
    }, 600_000);
  }
});
