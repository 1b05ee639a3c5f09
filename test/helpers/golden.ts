import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * Compares output with a golden file. `UPDATE=1 npx vitest run …` rewrites the golden files
 * instead; review their diff before committing.
 */
export async function expectGolden(actual: string, goldenFile: string): Promise<void> {
  if (process.env.UPDATE) {
    await mkdir(path.dirname(goldenFile), { recursive: true });
    await writeFile(goldenFile, actual);
    return;
  }
  expect(actual).toBe(await readFile(goldenFile, 'utf8'));
}

/** Byte-exact comparison with a golden file (line ends and BOMs matter), same UPDATE switch. */
export async function expectGoldenBytes(actual: Uint8Array, goldenFile: string): Promise<void> {
  if (process.env.UPDATE) {
    await mkdir(path.dirname(goldenFile), { recursive: true });
    await writeFile(goldenFile, actual);
    return;
  }
  expect(Buffer.from(actual).toString('latin1')).toBe((await readFile(goldenFile)).toString('latin1'));
}
