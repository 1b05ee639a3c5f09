import { link, mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeOutput } from '../fs/atomic.js';

/** Numbers from 90 up are the back matter (`99-colophon.md`): a new chapter goes before them. */
const BACK_MATTER = 90;
const SLUG_CHARS = 40;
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'as', 'is', 'are']);

/** "A priceless common asset of the two peoples" → "priceless-common-asset-two-peoples" (whole words, ≤ 40 characters). */
export function chapterSlug(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  const chosen: string[] = [];
  for (const word of meaningful.length > 0 ? meaningful : words) {
    if (chosen.length > 0 && [...chosen, word].join('-').length > SLUG_CHARS) break;
    chosen.push(word);
  }
  return chosen.join('-') || 'chapter';
}

/**
 * Where an imported chapter goes: an existing `NN-slug.md` of the same slug (a re-import, which
 * needs --force), else the next number after the highest chapter before the back matter.
 */
export async function chapterTarget(outDir: string, slug: string): Promise<{ file: string; exists: boolean }> {
  const names = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const same = names.find((name) => name.replace(/^\d+-/, '') === `${slug}.md` && /^\d+-/.test(name));
  if (same) return { file: path.join(outDir, same), exists: true };
  const numbers = names.map((name) => /^(\d+)-.*\.md$/.exec(name)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const next = Math.max(0, ...numbers.filter((n) => n < BACK_MATTER)) + 1;
  return { file: path.join(outDir, `${String(next).padStart(2, '0')}-${slug}.md`), exists: false };
}

/**
 * Writes the chapter atomically. Without `force` it is created exclusively: written to a temporary
 * file, then hard-linked to its name, which fails (EEXIST) rather than replace a file that appeared
 * meanwhile; with `force` it replaces the file by rename.
 */
export async function writeChapter(file: string, text: string, force: boolean): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (force) return writeOutput(file, text);
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, file);
  } finally {
    await unlink(temp);
  }
}
