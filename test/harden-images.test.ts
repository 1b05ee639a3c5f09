import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, hasStackTrace, runCli } from './helpers/cli.js';
import { epubcheck, epubEntries } from './helpers/epub.js';

/**
 * Issue 19, classes 3 and 4: an image is what its bytes say. Before, a BMP or a JPEG whose frame
 * header came after the first 64 KB passed the 50-megapixel limit, and an HTML file named
 * `fake.png`, an empty or a truncated PNG passed `check` and shipped in the EPUB as image/png.
 */
const MINI = path.join(FIXTURES, 'books/mini');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

let jpeg: Buffer;
let png: Buffer;
let built: Map<string, Buffer>;

async function outputs(book: string): Promise<Map<string, Buffer>> {
  const dir = path.join(book, 'build');
  const files = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f))] as const)));
}

beforeAll(async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'pp-images-'));
  dirs.push(tmp);
  execFileSync('gs', ['-q', '-sDEVICE=jpeg', '-g8x8', '-o', path.join(tmp, 'tiny.jpg'), '-c', 'showpage']);
  execFileSync('gs', ['-q', '-sDEVICE=png16m', '-g8x8', '-o', path.join(tmp, 'tiny.png'), '-c', 'showpage']);
  jpeg = await readFile(path.join(tmp, 'tiny.jpg'));
  png = await readFile(path.join(tmp, 'tiny.png'));
  const book = await copyBook(MINI);
  dirs.push(book);
  expect((await runCli(['build', book])).code).toBe(0);
  built = await outputs(book);
});

/** A JPEG whose start-of-frame comes after two 64 KB comment segments and says 20000 × 20000. */
function hugeJpegLateFrame(): Buffer {
  const comment = Buffer.alloc(4 + 65_000, 0x20);
  comment.writeUInt16BE(0xfffe, 0);
  comment.writeUInt16BE(65_002, 2);
  const body = Buffer.from(jpeg.subarray(2));
  for (let i = 0; i < body.length - 8; i++) {
    if (body[i] === 0xff && body[i + 1] === 0xc0) {
      body.writeUInt16BE(20_000, i + 5);
      body.writeUInt16BE(20_000, i + 7);
      break;
    }
  }
  return Buffer.concat([jpeg.subarray(0, 2), comment, comment, body]);
}

function bmpHeader(side: number): Buffer {
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(side, 18);
  header.writeInt32LE(side, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  return header;
}

/** The image inside the last English paragraph (line 12), so that blocks stay aligned. */
async function withImage(book: string, file: string): Promise<void> {
  const chapter = path.join(book, 'manuscript/01-river.md');
  const text = await readFile(chapter, 'utf8');
  await writeFile(chapter, text.replace('every morning.', `every morning. ![A picture](${file})`));
}

const CASES: [string, string, () => Buffer][] = [
  ['a 20000 × 20000 JPEG whose frame header is past 64 KB', 'image-too-large', hugeJpegLateFrame],
  ['a 20000 × 20000 BMP', 'image-format', () => bmpHeader(20_000)],
  ['an HTML file with a script named fake.png', 'image-invalid', () => Buffer.from('<!doctype html><script>alert(1)</script>')],
  ['an empty file named empty.png', 'image-invalid', () => Buffer.alloc(0)],
  ['a PNG cut short', 'image-invalid', () => png.subarray(0, Math.floor(png.length / 2))],
  ['a JPEG cut short', 'image-invalid', () => jpeg.subarray(0, jpeg.length - 200)],
];

describe('images are validated from their bytes', () => {
  it.each(CASES)('%s: exit 1, %s at the image, previous outputs untouched', async (_, ruleId, bytes) => {
    const book = await copyBook(MINI);
    dirs.push(book);
    await mkdir(path.join(book, 'build'));
    for (const [file, data] of built) await writeFile(path.join(book, 'build', file), data);
    await writeFile(path.join(book, 'manuscript/picture.png'), bytes());
    await withImage(book, 'picture.png');
    const result = await runCli(['build', book, '--json']);
    expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
    expect(result.code).toBe(1);
    const found = (JSON.parse(result.stdout) as { diagnostics: { ruleId: string; file: string; line: number }[] }).diagnostics;
    expect(found).toContainEqual(expect.objectContaining({ ruleId, file: 'manuscript/01-river.md', line: 12 }));
    const now = await outputs(book);
    expect([...now.keys()]).toEqual([...built.keys()]);
    for (const [file, data] of built) expect(now.get(file)?.equals(data), file).toBe(true);
  });

  it('ships a JPEG named .png with the media type of its bytes, and epubcheck passes', async () => {
    const book = await copyBook(MINI);
    dirs.push(book);
    await writeFile(path.join(book, 'manuscript/photo.png'), jpeg);
    await withImage(book, 'photo.png');
    const result = await runCli(['build', book, '--edition', 'mini-epub']);
    expect(result.code, result.stderr).toBe(0);
    const epub = path.join(book, 'build/mini-epub.epub');
    const opf = new TextDecoder().decode([...(await epubEntries(epub))].find(([name]) => name.endsWith('.opf'))?.[1]);
    expect(opf).toMatch(/href="images\/image-1\.[a-z]+"[^>]*media-type="image\/jpeg"|media-type="image\/jpeg"[^>]*href="images\/image-1/);
    const check = await epubcheck(epub);
    expect(check.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')).toEqual([]);
  }, 120_000);
});
