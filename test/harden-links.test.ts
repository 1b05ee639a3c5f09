import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';
import { epubcheck, epubEntries } from './helpers/epub.js';

/**
 * Issue 19, class 5: links between chapters. Before, `[next](../manuscript/02-….md)` gave
 * epubcheck RSC-026/RSC-007 and a PDF link to `file:///manuscript/…`, and a removed `javascript:`
 * link left a PDF /URI naming the build's temp directory.
 */
const MINI = path.join(FIXTURES, 'books/mini');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const SEA: Record<string, string> = {
  manuscript: '---\ntitle: The Sea\nkind: chapter\n---\n\nThe river ends here.\n\n## The delta {#delta}\n\nRice grows in the delta.\n',
  'translations/vi': '---\ntitle: Biển\nstatus: draft\n---\n\nDòng sông kết thúc ở đây.\n\n## Đồng bằng {#delta}\n\nLúa mọc ở đồng bằng.\n',
  'translations/km': '---\ntitle: សមុទ្រ\nstatus: draft\n---\n\nទន្លេបញ្ចប់នៅទីនេះ។\n\n## ដីសណ្ត {#delta}\n\nស្រូវដុះនៅដីសណ្ត។\n',
};
const LINKS: Record<string, string> = {
  manuscript: 'Fishermen work on [the next chapter](../manuscript/02-sea.md), [its delta](02-sea.md#delta) and [a trap](javascript:alert(1)).',
  'translations/vi': 'Ngư dân làm việc trên [chương sau](02-sea.md) và [đồng bằng](../vi/02-sea.md#delta).',
  'translations/km': 'អ្នកនេសាទ [ជំពូកបន្ទាប់](02-sea.md) និង [ដីសណ្ត](02-sea.md#delta)។',
};
const LAST: Record<string, string> = {
  manuscript: 'Fishermen work on the river every morning.',
  'translations/vi': 'Ngư dân làm việc trên sông mỗi buổi sáng.',
  'translations/km': 'អ្នកនេសាទធ្វើការលើទន្លេរៀងរាល់ព្រឹក។',
};

async function linkedBook(links = LINKS): Promise<string> {
  const book = await copyBook(MINI);
  dirs.push(book);
  for (const [dir, text] of Object.entries(SEA)) await writeFile(path.join(book, dir, '02-sea.md'), text);
  for (const [dir, text] of Object.entries(links)) {
    const file = path.join(book, dir, '01-river.md');
    const before = await readFile(file, 'utf8');
    expect(before).toContain(LAST[dir]);
    await writeFile(file, before.replace(LAST[dir] ?? '', text));
  }
  return book;
}

/** The PDF with its streams uncompressed (qpdf), so that no string can hide in a deflated stream. */
function pdfBytes(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('latin1');
}

describe('links between chapters', () => {
  let book: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    book = await linkedBook();
    result = await runCli(['build', book]);
  }, 180_000);

  it('builds every edition', () => {
    expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
    expect(result.code, result.stderr).toBe(0);
  });

  it('become internal links of the PDF, with no file: URL and no temp path', () => {
    const pdf = pdfBytes(path.join(book, 'build/mini-print.pdf'));
    expect(pdf).not.toContain('file:');
    expect(pdf).not.toContain(os.tmpdir() + '/parallel-press');
    expect(pdf).not.toContain('javascript');
    expect(pdf).not.toMatch(/\/URI\s*\(/);
    // Chromium writes a link to a named destination for every `#anchor`.
    expect(pdf).toMatch(/\/Dest\s*\/ch-02-sea--delta|\/Dest\s*\(ch-02-sea--delta\)/);
    expect(pdf).toMatch(/\/Dest\s*\/ch-02-sea\b|\/Dest\s*\(ch-02-sea\)/);
  });

  it('lead to the chapter document and its section in the EPUB, which epubcheck accepts', async () => {
    const epub = path.join(book, 'build/mini-epub.epub');
    const entries = await epubEntries(epub);
    const river = new TextDecoder().decode([...entries].find(([name]) => name.endsWith('01-river.xhtml'))?.[1]);
    expect(river).toContain('href="02-sea.xhtml#ch-02-sea"');
    expect(river).toContain('href="02-sea.xhtml#ch-02-sea--delta"');
    for (const [name, data] of entries) {
      const text = Buffer.from(data).toString('latin1');
      expect(text.includes('file:'), name).toBe(false);
      expect(text.includes(os.tmpdir() + '/parallel-press'), name).toBe(false);
    }
    const check = await epubcheck(epub);
    expect(check.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')).toEqual([]);
  }, 120_000);

  it('to a chapter or section the book lacks: exit 1, link-target at the link, previous outputs untouched', async () => {
    const broken = await linkedBook();
    expect((await runCli(['build', broken, '--edition', 'mini-epub'])).code).toBe(0);
    const before = await readFile(path.join(broken, 'build/mini-epub.epub'));
    const listing = await readdir(path.join(broken, 'build'));
    const vi = path.join(broken, 'translations/vi/01-river.md');
    await writeFile(vi, (await readFile(vi, 'utf8')).replace(LINKS['translations/vi'] ?? '', 'Ngư dân làm việc trên [chương sau](03-ocean.md) và [đồng bằng](02-sea.md#mouth).'));
    const failed = await runCli(['build', broken, '--json']);
    expect(hasStackTrace(failed.stderr), failed.stderr).toBe(false);
    expect(failed.code).toBe(1);
    const found = (JSON.parse(failed.stdout) as { diagnostics: { ruleId: string; file: string; line: number; column: number }[] }).diagnostics
      .filter((d) => d.ruleId === 'link-target')
      .map(({ file, line, column }) => `${file}:${line}:${column}`);
    expect(found).toEqual(['translations/vi/01-river.md:12:23', 'translations/vi/01-river.md:12:52']);
    expect(await readdir(path.join(broken, 'build'))).toEqual(listing);
    expect((await readFile(path.join(broken, 'build/mini-epub.epub'))).equals(before)).toBe(true);
  }, 180_000);
});
