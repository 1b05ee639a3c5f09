import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli, type CliResult } from './helpers/cli.js';
import { unzipEpub } from './helpers/epub.js';
import { recordingListener } from './helpers/listener.js';
import { comparable } from './helpers/pdf.js';

/**
 * The second round of hostile markdown (the first is spine-hostile.test.ts): every way raw HTML,
 * CSS or an image can make a browser or the EPUB writer fetch, run or read something. A server on
 * 127.0.0.1 must hear nothing, the outputs must hold none of it, and a file outside the book is
 * never read.
 */
const ATTACKS = [
  '<meta http-equiv="refresh" content="0; url=http://HOST/refresh">',
  '<base href="http://HOST/base/">',
  '<link rel="stylesheet" href="http://HOST/link.css">',
  '<style>@import url("http://HOST/import.css"); p { background: url(http://HOST/bg.png) }</style>',
  '<p style="background:url(http://HOST/style-attr)">styled</p>',
  '<form action="http://HOST/form"><input type="image" src="http://HOST/input"></form>',
];
const INLINE = 'Fishermen work on the river every morning. <svg onload="fetch(\'http://HOST/svg-onload\')"><script>fetch(\'http://HOST/svg-script\')</script><image href="http://HOST/svg-image"/></svg> <a href="http://HOST/a" ping="http://HOST/ping">a</a> <object data="http://HOST/object"></object><embed src="http://HOST/embed"> <video src="http://HOST/video" poster="http://HOST/poster"></video> ![boat][remote] <http://HOST/autolink>';
const FORBIDDEN = /refresh|base\/|link\.css|import\.css|bg\.png|style-attr|\/object|\/embed|\/video|\/poster|\/form|\/input|svg-onload|svg-script|svg-image|\/ping|remote\.png|<script|onload|<svg|root:x:0/;

describe('hostile resources in a manuscript', () => {
  const listener = recordingListener();
  const requests = listener.requests;
  let bookDir: string;
  let host: string;
  let built: CliResult;
  let previous: [Buffer, Buffer];
  const outputs = async (): Promise<[Buffer, Buffer]> => [await readFile(path.join(bookDir, 'build/mini-print.pdf')), await readFile(path.join(bookDir, 'build/mini-epub.epub'))];
  const chapter = () => path.join(bookDir, 'manuscript/01-river.md');

  beforeAll(async () => {
    await listener.start();
    host = listener.host;
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const text = (await readFile(chapter(), 'utf8'))
      .replace('Fishermen work on the river every morning.', `${ATTACKS.join('\n\n')}\n\n${INLINE}\n\n[remote]: http://HOST/remote.png`)
      .replaceAll('HOST', host);
    await writeFile(chapter(), text);
    built = await runCli(['build', bookDir]);
    previous = await outputs();
  });

  afterAll(() => listener.close());

  it('builds, reporting each removal at its line', () => {
    expect(built.code, built.stderr).toBe(0);
    const warnings = built.stderr.split('\n').filter((line) => / warning: /.test(line));
    const at = (line: number, rule: string) => warnings.filter((w) => w.startsWith(`manuscript/01-river.md:${line}:`) && w.endsWith(`[${rule}]`)).length;
    ATTACKS.forEach((_, index) => expect(at(12 + 2 * index, 'raw-html'), ATTACKS[index]).toBeGreaterThan(0));
    const paragraph = 12 + 2 * ATTACKS.length;
    expect(at(paragraph, 'raw-html')).toBeGreaterThanOrEqual(6);
    expect(at(paragraph, 'remote-image')).toBe(1);
  });

  it('sends zero requests to the network', () => {
    expect(requests).toEqual([]);
  });

  it('keeps every attack out of the PDF and the EPUB', async () => {
    const pdf = path.join(bookDir, 'build/mini-print.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(comparable(text)).toContain(comparable('Fishermen work on the river every morning.'));
    expect(text).not.toMatch(FORBIDDEN);
    // Inside the PDF only the autolink remains, as a link annotation that nothing follows by itself.
    const uris = [...(await readFile(pdf, 'latin1')).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]);
    expect([...new Set(uris)]).toEqual([`http://${host}/autolink`]);
    const files = await unzipEpub(path.join(bookDir, 'build/mini-epub.epub'));
    for (const [name, content] of files) expect(content, name).not.toMatch(FORBIDDEN);
    // The only image is the cover the EPUB writer draws itself; nothing the manuscript pointed at.
    expect([...files.keys()].filter((name) => name.includes('images/') && !/\/cover\.(png|jpe?g)$/.test(name))).toEqual([]);
  });

  const REFUSED: { name: string; prepare: () => Promise<string>; expected: RegExp }[] = [
    { name: 'an image at file:///etc/passwd', prepare: async () => '![x](file:///etc/passwd)', expected: /:1: error: Image `file:\/\/\/etc\/passwd` is outside the book directory.*\[image-outside-book\]/ },
    { name: 'an image at ../../../../etc/passwd', prepare: async () => '![x](../../../../../../../../etc/passwd)', expected: /:1: error: Image `(\.\.\/)+etc\/passwd` is outside the book directory.*\[image-outside-book\]/ },
    {
      name: 'an image that is a symbolic link out of the book',
      prepare: async () => {
        await mkdir(path.join(bookDir, 'images'), { recursive: true });
        await symlink('/etc/passwd', path.join(bookDir, 'images/innocent.png')).catch(() => undefined);
        return '![x](../images/innocent.png)';
      },
      expected: /:1: error: Image `\.\.\/images\/innocent\.png` is a link to \/etc\/passwd, outside the book directory.*\[image-outside-book\]/,
    },
    {
      name: 'an SVG image with a script',
      prepare: async () => {
        await mkdir(path.join(bookDir, 'images'), { recursive: true });
        await writeFile(path.join(bookDir, 'images/map.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch('http://${host}/svg-file')</script></svg>`);
        return '![map](../images/map.svg)';
      },
      expected: /:1: error: Image `\.\.\/images\/map\.svg` is an SVG with `<script`.*\[image-unsafe-svg\]/,
    },
    {
      name: 'a 40,000 × 40,000 PNG (1.6 gigapixels)',
      prepare: async () => {
        await mkdir(path.join(bookDir, 'images'), { recursive: true });
        await writeFile(path.join(bookDir, 'images/poster.png'), pngHeader(40_000, 40_000));
        return '![poster](../images/poster.png)';
      },
      expected: /:1: error: Image `\.\.\/images\/poster\.png` is 40000 × 40000 pixels \(1600 megapixels\).*\[image-too-large\]/,
    },
    { name: 'an image that is not there', prepare: async () => '![x](../images/nowhere.png)', expected: /:1: error: Image `\.\.\/images\/nowhere\.png` does not exist.*\[image-missing\]/ },
  ];

  it.each(REFUSED)('refuses $name before anything is printed', async ({ prepare, expected }) => {
    const original = await readFile(chapter(), 'utf8');
    const line = original.split('\n').length + 1;
    await writeFile(chapter(), `${original}\n${await prepare()}\n`);
    try {
      const result = await runCli(['build', bookDir]);
      expect(result.code, result.stderr).toBe(1);
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.stderr).toMatch(new RegExp(`^manuscript/01-river\\.md:${line}${expected.source}`, 'm'));
      expect(await outputs()).toEqual(previous);
      expect(requests).toEqual([]);
    } finally {
      await writeFile(chapter(), original);
    }
  });
});

/** A PNG signature and IHDR chunk claiming the given size: all a decoder reads before allocating. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 0, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}
