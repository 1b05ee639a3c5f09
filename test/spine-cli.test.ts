import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { UserError } from '../src/diagnostics/index.js';
import { FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';

describe('the command line', () => {
  it.each(['build', 'check'])('explains `%s --help`', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: parallel-press ${command} [options] [BOOK_DIR]`);
    expect(result.stdout).toContain('--json');
  });

  it('builds one edition with --edition into --out, from outside the book directory, and reports JSON', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'pp-out-'));
    const result = await runCli(['build', path.join(FIXTURES, 'books/mini'), '--edition', 'mini-epub', '--out', out, '--json'], { cwd: os.tmpdir() });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; editions: { id: string; path: string }[] };
    expect(report.ok).toBe(true);
    expect(report.editions.map((e) => e.id)).toEqual(['mini-epub']);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { editions: { id: string }[] };
    expect(manifest.editions.map((e) => e.id)).toEqual(['mini-epub']);
  });

  it('names the editions when --edition is unknown', async () => {
    const result = await runCli(['build', path.join(FIXTURES, 'books/mini'), '--edition', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown edition `nope`: expected one of mini-print, mini-epub');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('checks a good book with exit 0 and a misaligned one with exit 1, naming both places', async () => {
    expect((await runCli(['check', path.join(FIXTURES, 'books/mini')])).code).toBe(0);
    const result = await runCli(['check', path.join(FIXTURES, 'books/misaligned'), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; ruleId: string; related: { file: string; line: number } | null }[] };
    const extra = report.diagnostics.find((d) => d.ruleId === 'block-extra');
    expect(extra).toMatchObject({ file: 'translations/vi/01-river.md', line: 14, related: { file: 'manuscript/01-river.md', line: 8 } });
  });
});

describe('book.yaml validation', () => {
  const valid = 'title: { en: T }\nidentifier: urn:x\ndescription: D\nlanguages: [en]\neditions:\n  - id: e\n    format: pdf\n';

  it('accepts a minimal config and fills defaults', () => {
    const config = parseConfig(valid);
    expect(config.editions[0]).toMatchObject({ id: 'e', format: 'pdf', layout: 'columns', trim: 'A5' });
  });

  it.each([
    ['an unknown key', valid.replace('languages:', 'langauges: [en]\nlanguages:'), /^Unknown key `langauges`/, 4],
    ['a bad trim', `${valid}    trim: huge\n`, /^Invalid value at `editions\.0\.trim`/, 8],
    ['an edition language the book lacks', `${valid}    languages: [fr]\n`, /^Invalid value at `editions\.0\.languages\.0`: expected one of the book languages \(en\)/, 8],
    ['a title missing for a book language', valid.replace('languages: [en]', 'languages: [en, vi]'), /`title`: expected a title in every book language; "vi" is missing/, 1],
    ['pageBreaksFrom naming an EPUB edition', `${valid}  - id: x\n    format: epub\n    pageBreaksFrom: x\n`, /^Invalid value at `editions\.1\.pageBreaksFrom`: expected the id of a PDF edition of this book \(e\)/, 10],
  ])('locates %s', (_name, source, message, line) => {
    try {
      parseConfig(source);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      const diagnostic = (error as UserError).diagnostics[0];
      expect(diagnostic?.message).toMatch(message);
      expect(diagnostic?.line).toBe(line);
      expect(diagnostic?.detail).toContain('^');
    }
  });
});
