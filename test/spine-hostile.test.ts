import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli, type CliResult } from './helpers/cli.js';
import { unzipEpub } from './helpers/epub.js';
import { recordingListener } from './helpers/listener.js';
import { comparable } from './helpers/pdf.js';
import { execFileSync } from 'node:child_process';

/**
 * A manuscript with a script, an onerror handler, a javascript: link, an iframe and a remote image,
 * all aimed at a server listening on 127.0.0.1: the build succeeds with located warnings and the
 * server never hears from it.
 */
describe('a hostile manuscript', () => {
  const listener = recordingListener();
  const requests = listener.requests;
  let bookDir: string;
  let result: CliResult;

  beforeAll(async () => {
    await listener.start();
    const port = listener.host.split(':')[1] ?? '';
    bookDir = await copyBook(path.join(FIXTURES, 'books/hostile'));
    const chapter = path.join(bookDir, 'manuscript/01-river.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replaceAll('__PORT__', String(port)));
    result = await runCli(['build', bookDir]);
  });

  afterAll(() => listener.close());

  it('builds, warning about each removal with its file and line', () => {
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings.some((w) => w.startsWith('manuscript/01-river.md:6:') && w.includes('<script>'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('manuscript/01-river.md:10:') && w.includes('onerror'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('manuscript/01-river.md:10:') && w.includes('javascript:'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('manuscript/01-river.md:12:') && w.includes('<iframe'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('manuscript/01-river.md:14:') && w.includes('boat.png'))).toBe(true);
  });

  it('sends zero requests to the network', () => {
    expect(requests).toEqual([]);
  });

  it('keeps scripts, handlers and remote URLs out of the PDF and the EPUB', async () => {
    const pdfText = execFileSync('pdftotext', [path.join(bookDir, 'build/hostile-print.pdf'), '-'], { encoding: 'utf8' });
    expect(comparable(pdfText)).toContain(comparable('The Mekong flows from the mountains to the sea.'));
    expect(pdfText).not.toMatch(/fetch|127\.0\.0\.1|javascript/);
    const files = await unzipEpub(path.join(bookDir, 'build/hostile-epub.epub'));
    const xhtml = [...files].filter(([name]) => name.endsWith('.xhtml')).map(([, text]) => text).join('\n');
    expect(xhtml).toContain('Fishermen work on the river every morning.');
    expect(xhtml).not.toMatch(/<script|onerror|<iframe|javascript:|127\.0\.0\.1/i);
    // The cover the build draws is the only image: the remote one never arrived.
    expect([...files.keys()].filter((name) => name.includes('images/'))).toEqual(['OEBPS/images/cover.png']);
  });

  it('lets no script, handler or remote resource into any file of the EPUB', async () => {
    const files = await unzipEpub(path.join(bookDir, 'build/hostile-epub.epub'));
    for (const [name, text] of [...files].filter(([file]) => /\.(xhtml|opf|ncx|css|xml)$/.test(file))) {
      expect(text, name).not.toMatch(/<script|<iframe|<object|<embed|javascript:|127\.0\.0\.1|__PORT__/i);
      expect(text, name).not.toMatch(/\son[a-z]+\s*=/i);
      expect(text, name).not.toMatch(/\ssrc\s*=\s*["']?(https?:|\/\/|file:)/i);
      expect(text, name).not.toMatch(/url\(\s*["']?(https?:|\/\/|file:)/i);
    }
    expect(files.get('OEBPS/content.opf')).not.toContain('remote-resources');
  });

  it('refuses an image path that leaves the book directory', async () => {
    const chapter = path.join(bookDir, 'manuscript/01-river.md');
    await writeFile(chapter, `${await readFile(chapter, 'utf8')}\n![secret](../../../../etc/passwd)\n`);
    const refused = await runCli(['build', bookDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/manuscript\/01-river\.md:16:1: error: Image `\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd` is outside the book directory/);
  });
});
