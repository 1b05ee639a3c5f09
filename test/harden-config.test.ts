import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_LIMITS } from '../src/config/limits.js';
import { copyBook, FIXTURES, hasStackTrace } from './helpers/cli.js';
import { measuredCli } from './helpers/measured.js';

/**
 * Issue 19, class 7: book.yaml bounds. Before, `trim: "0x0"` printed a US-Letter PDF without a word,
 * `trim: 0x0` said "expected Invalid input", an alias bomb and a 300-character id exited 2 with a
 * stack trace, and the excerpt of a 50 MB book.yaml wrote 52 MB to stderr.
 */
const MINI = path.join(FIXTURES, 'books/mini');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');

const CASES: { about: string; edit: (yaml: string) => string; ruleId: string; line: number; says: RegExp }[] = [
  { about: 'trim: 0x0 (a YAML hexadecimal number)', edit: (y) => y.replace('trim: A5', 'trim: 0x0'), ruleId: 'config-schema', line: 14, says: /YAML reads `0x0` as the number 0: put it in quotes/ },
  { about: 'trim: "0x0"', edit: (y) => y.replace('trim: A5', 'trim: "0x0"'), ruleId: 'config-schema', line: 14, says: /each side from 50 to 1000 mm/ },
  { about: 'trim: "1x1"', edit: (y) => y.replace('trim: A5', 'trim: "1x1"'), ruleId: 'config-schema', line: 14, says: /each side from 50 to 1000 mm/ },
  { about: 'trim: 5000x240', edit: (y) => y.replace('trim: A5', 'trim: 5000x240'), ruleId: 'config-schema', line: 14, says: /each side from 50 to 1000 mm/ },
  { about: 'an alias bomb', edit: (y) => `${y}\n${bomb}\n`, ruleId: 'config-yaml', line: 1, says: /at most 100 alias expansions/ },
  { about: 'a 300-character edition id', edit: (y) => y.replace('id: mini-print', `id: ${'a'.repeat(300)}`), ruleId: 'config-schema', line: 11, says: /at most 64 characters/ },
  { about: 'a 2,000-character title', edit: (y) => y.replace('A Small Parallel Book', 'x'.repeat(2_000)), ruleId: 'config-schema', line: 2, says: /at most 1000 characters/ },
  { about: '100 editions', edit: (y) => y + Array.from({ length: 100 }, (_, i) => `  - id: e${i}\n    format: epub\n`).join(''), ruleId: 'config-schema', line: 11, says: /at most 64 editions/ },
  { about: 'a 50 MB book.yaml', edit: (y) => y.replace('A Small Parallel Book', 'x'.repeat(50 * 1024 * 1024)), ruleId: 'config-too-large', line: 1, says: /expected at most 256 KB/ },
  { about: 'a 200 KB line with an error at its end', edit: (y) => y.replace(/^description: .*$/m, `description: ${'x'.repeat(200_000)}: oops`), ruleId: 'config-yaml', line: 6, says: /Invalid YAML/ },
];

describe('book.yaml limits', () => {
  it.each(CASES)('$about: exit 1, $ruleId at its line, a short message, previous outputs untouched', async ({ edit, ruleId, line, says }) => {
    const book = await copyBook(MINI);
    dirs.push(book);
    await mkdir(path.join(book, 'build'));
    await writeFile(path.join(book, 'build/mini-print.pdf'), 'previous');
    const yaml = path.join(book, 'book.yaml');
    await writeFile(yaml, edit(await readFile(yaml, 'utf8')));
    const run = await measuredCli(['build', book, '--json']);
    expect(hasStackTrace(run.stderr), run.stderr.slice(0, 2000)).toBe(false);
    expect(run.code).toBe(1);
    const [found] = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string; line: number; message: string; detail?: string }[] }).diagnostics;
    expect(found).toMatchObject({ ruleId, line });
    expect(found?.message).toMatch(says);
    // The code frame is cut around the caret: no line of it is wider than the limit and a margin.
    for (const frameLine of (found?.detail ?? '').split('\n')) expect(frameLine.length).toBeLessThan(CONFIG_LIMITS.excerptColumns + 20);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(4_096);
    expect(run.seconds).toBeLessThan(60);
    expect(run.peakBytes).toBeLessThan(1024 ** 3);
    expect(await readdir(path.join(book, 'build'))).toEqual(['mini-print.pdf']);
    expect(await readFile(path.join(book, 'build/mini-print.pdf'), 'utf8')).toBe('previous');
  });
});
