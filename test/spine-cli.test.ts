import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { resolveEditions } from '../src/config/schema.js';
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

  /** The diagnostics of an invalid book.yaml, each as `book.yaml:LINE:COL message` with its code frame. */
  const problems = (source: string) => {
    try {
      parseConfig(source);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      return (error as UserError).diagnostics.map((d) => ({ at: `${d.file}:${d.line}:${d.column}`, message: d.message, frame: d.detail ?? '' }));
    }
    return expect.unreachable('the config was accepted');
  };
  const epub = `${valid}  - id: x\n    format: epub\n`;

  it('refuses a PDF option in an EPUB edition at its key, naming the format it belongs to and what an EPUB takes', () => {
    const [layout, trim, ...rest] = problems(`${epub}    layout: columns\n    trim: A5\n`);
    expect(rest).toEqual([]);
    expect(layout).toMatchObject({ at: 'book.yaml:10:5', message: expect.stringMatching(/^Unknown key `editions\.1\.layout`: `layout` is an option of PDF editions; an EPUB edition takes: id, format, languages, primary, pageBreaksFrom, khmerWordBreaks\./) });
    expect(layout?.frame).toContain('> 10 |     layout: columns\n     |     ^');
    expect(trim).toMatchObject({ at: 'book.yaml:11:5', message: expect.stringMatching(/^Unknown key `editions\.1\.trim`: `trim` is an option of PDF editions/) });
  });

  it('refuses an EPUB option in a PDF edition, in flow style too', () => {
    expect(problems(`${valid}    pageBreaksFrom: e\n`)).toEqual([
      expect.objectContaining({ at: 'book.yaml:8:5', message: expect.stringMatching(/^Unknown key `editions\.0\.pageBreaksFrom`: `pageBreaksFrom` is an option of EPUB editions; a PDF edition takes: id, format, languages, layout, trim, margins, /) }),
    ]);
    expect(problems(`${valid}  - { id: y, format: pdf, khmerWordBreaks: false }\n`)).toEqual([expect.objectContaining({ at: 'book.yaml:8:27', message: expect.stringContaining('`khmerWordBreaks` is an option of EPUB editions') })]);
  });

  it('lists the options of the format for a misspelt one, and the formats for a wrong or missing format', () => {
    expect(problems(`${epub}    pageBreakFrom: e\n`)[0]).toMatchObject({ at: 'book.yaml:10:5', message: expect.stringContaining('expected an option of an EPUB edition (id, format, languages, primary, pageBreaksFrom, khmerWordBreaks); check the spelling') });
    expect(problems(`${valid}  - id: x\n    format: docx\n`)).toEqual([expect.objectContaining({ at: 'book.yaml:9:13', message: 'Invalid value at `editions.1.format`: expected one of "pdf", "epub".' })]);
    expect(problems(`${valid}  - id: x\n`)).toEqual([expect.objectContaining({ at: 'book.yaml:8:5', message: 'Missing `editions.1.format`: expected one of "pdf", "epub".' })]);
  });

  it('refuses an option of another layout, and bad margins', () => {
    expect(problems(`${valid}    primary: en\n`)[0]).toMatchObject({ at: 'book.yaml:8:14', message: expect.stringContaining('no `primary` in a `columns` edition: it is an option of the `interleaved` layout') });
    expect(problems(`${valid}    margins: { top: -1, left: 2 }\n`)).toEqual([
      expect.objectContaining({ at: 'book.yaml:8:21', message: 'Invalid value at `editions.0.margins.top`: expected a margin of 0 mm or more.' }),
      expect.objectContaining({ at: 'book.yaml:8:25', message: expect.stringMatching(/^Unknown key `editions\.0\.margins\.left`/) }),
    ]);
    expect(parseConfig(`${valid}    margins: { inner: 20 }\n`).editions[0]).toMatchObject({ format: 'pdf', margins: { inner: 20 } });
  });

  it('reads an EPUB edition with its primary language first', () => {
    const config = parseConfig(`${valid.replace('title: { en: T }', 'title: { en: T, vi: V }').replace('languages: [en]', 'languages: [en, vi]')}  - { id: x, format: epub, primary: vi }\n`);
    expect(resolveEditions(config).map((e) => [e.id, e.languages])).toEqual([['e', ['en', 'vi']], ['x', ['vi', 'en']]]);
  });
});
