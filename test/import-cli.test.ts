import { cp, mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, hasStackTrace, runCli, type CliResult } from './helpers/cli.js';
import { IMPORT_FIXTURES } from './helpers/import.js';

/**
 * The real, compiled CLI imports both seeds into an English-only book; `check` then accepts the
 * chapters. Sources are given as `seeds/…`, as an editor would type them in the book directory.
 */
describe('parallel-press import', () => {
  let bookDir: string;
  let first: CliResult;
  const seeds = ['seeds/friendship-continues.txt', 'seeds/priceless-common-asset.txt'];

  beforeAll(async () => {
    bookDir = await mkdtemp(path.join(os.tmpdir(), 'pp-import-book-'));
    await cp(path.join(FIXTURES, 'import/book-en/book.yaml'), path.join(bookDir, 'book.yaml'));
    await mkdir(path.join(bookDir, 'manuscript'));
    await mkdir(path.join(bookDir, 'seeds'));
    for (const seed of seeds) await cp(path.join(IMPORT_FIXTURES, path.basename(seed, '.txt'), 'input.txt'), path.join(bookDir, seed));
    first = await runCli(['import', ...seeds], { cwd: bookDir });
  });

  it('writes manuscript/NN-slug.md for each article, identical to the golden files', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect((await readdir(path.join(bookDir, 'manuscript'))).sort()).toEqual(['01-cambodia-vietnam-friendship-continues.md', '02-priceless-common-asset-two-peoples.md']);
    expect(await readFile(path.join(bookDir, 'manuscript/01-cambodia-vietnam-friendship-continues.md'), 'utf8')).toBe(await readFile(path.join(IMPORT_FIXTURES, 'friendship-continues/expected.md'), 'utf8'));
    expect(first.stdout).toContain('wrote manuscript/02-priceless-common-asset-two-peoples.md (');
  });

  it('prints every repair as source:line: what was done, at the line that holds it', async () => {
    const repairLines = first.stdout.split('\n').filter((line) => line && !line.startsWith('wrote '));
    expect(repairLines.length).toBeGreaterThan(40);
    for (const line of repairLines) expect(line).toMatch(/^seeds\/[a-z-]+\.txt:\d+: \S/);
    expect(first.stdout).toContain('seeds/friendship-continues.txt:8: joined "leader-ship" → "leadership"');
    expect(first.stdout).toContain('seeds/priceless-common-asset.txt:17: made "Eternal relationship" a subheading');
    expect(first.stdout).toContain('seeds/priceless-common-asset.txt:27: moved translator credit to front matter: source_translator: Tran Hoai');
    for (const line of repairLines) {
      const match = /^(seeds\/[a-z-]+\.txt):(\d+): (?:joined|kept) "([^"]+)"/.exec(line);
      if (!match) continue;
      const source = (await readFile(path.join(bookDir, match[1] ?? ''), 'utf8')).split('\n');
      expect(source[Number(match[2]) - 1], line).toContain(match[3]);
    }
  });

  it('makes chapters that check accepts', async () => {
    const check = await runCli(['check', bookDir, '--json']);
    expect(check.code, check.stdout).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ ok: true, diagnostics: [] });
  });

  it('lists the repairs as JSON, with --out', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'pp-import-out-'));
    const result = await runCli(['import', seeds[1] ?? '', '--out', path.join(out, 'chapters'), '--json'], { cwd: bookDir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { ok: boolean; imports: { source: string; output: string; frontMatter: Record<string, string>; repairs: { line: number; kind: string; message: string }[] }[] };
    expect(json.ok).toBe(true);
    expect(json.imports).toHaveLength(1);
    expect(json.imports[0]?.output).toBe(path.join(out, 'chapters/01-priceless-common-asset-two-peoples.md'));
    expect(json.imports[0]?.frontMatter).toMatchObject({ source_translator: 'Tran Hoai', kind: 'chapter' });
    const kinds = new Set(json.imports[0]?.repairs.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['caption', 'credit', 'heading', 'kept', 'typography']);
    expect(json.imports[0]?.repairs.every((r) => Number.isInteger(r.line) && r.line > 0)).toBe(true);
  });

  it('refuses to overwrite an imported chapter unless --force', async () => {
    const target = path.join(bookDir, 'manuscript/01-cambodia-vietnam-friendship-continues.md');
    const before = await readFile(target, 'utf8');
    const again = await runCli(['import', seeds[0] ?? ''], { cwd: bookDir });
    expect(again.code).toBe(1);
    expect(hasStackTrace(again.stderr)).toBe(false);
    expect(again.stderr).toMatch(/^manuscript\/01-cambodia-vietnam-friendship-continues\.md: error: Refusing to overwrite .* pass --force to replace it/m);
    expect(await readFile(target, 'utf8')).toBe(before);
    expect(await readdir(path.join(bookDir, 'manuscript'))).toHaveLength(2);
    const forced = await runCli(['import', '--force', seeds[0] ?? ''], { cwd: bookDir });
    expect(forced.code).toBe(0);
    expect(await readFile(target, 'utf8')).toBe(before);
  });

  it('explains a missing file and a directory without manuscript/, without a stack trace', async () => {
    const missing = await runCli(['import', 'seeds/nope.txt'], { cwd: bookDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^seeds\/nope\.txt: error: Cannot read seeds\/nope\.txt \(ENOENT\): expected a captured article/m);
    const elsewhere = await runCli(['import', path.join(bookDir, seeds[0] ?? '')], { cwd: os.tmpdir() });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^manuscript\/: error: Cannot find manuscript\/ here: expected to run in a book directory/m);
    expect(hasStackTrace(missing.stderr + elsewhere.stderr)).toBe(false);
  });
});
