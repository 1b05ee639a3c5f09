import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeOutput } from '../fs/atomic.js';
import { TOOL_VERSION } from '../paths.js';

export interface ManifestEntry {
  id: string;
  format: 'pdf' | 'epub';
  /** Path relative to the output directory. */
  path: string;
  languages: string[];
  bytes: number;
  pages?: number;
  /** PDF: the page each chapter starts on, by chapter file name (`02-asset.md`), as printed in the contents. */
  chapterPages?: Record<string, number>;
  /** PDF: how many times Chromium printed it: 1 when the predicted pagination (or the previous build's) was right. */
  passes?: number;
  /** PDF: prints after the first, each a pagination the layout-only prediction got wrong (goal: 0). */
  mispredictions?: number;
  /** PDF, facing layout: spreads that overflowed their planned page on one side and were repaired. */
  repairs?: number;
  /** PDF with `press`: the printer's PDF/X file beside the screen PDF. */
  press?: { path: string; bytes: number };
  ms: number;
}

export interface Manifest {
  tool: { name: 'parallel-press'; version: string };
  editions: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

/**
 * Writes build/manifest.json. Entries of editions not built this time (`--edition`) are kept from
 * the previous manifest so that it always describes every output in the directory.
 */
export async function writeManifest(outDir: string, built: ManifestEntry[]): Promise<Manifest> {
  const previous = await readManifest(outDir);
  const builtIds = new Set(built.map((e) => e.id));
  const kept = previous?.editions.filter((e) => !builtIds.has(e.id)) ?? [];
  const manifest: Manifest = { tool: { name: 'parallel-press', version: TOOL_VERSION }, editions: [...kept, ...built] };
  await writeOutput(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}
