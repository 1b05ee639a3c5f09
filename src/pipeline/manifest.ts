import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/index.js';
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
  /** PDF, flow layouts: how many times Chromium loaded the book, the prediction's load included (1: printed from the page it predicted in). */
  loads?: number;
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

/** The previous manifest when it is one of ours (`tool.name` and an `editions` list), else undefined. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  const found = await manifestIn(outDir);
  return found.kind === 'ours' ? found.manifest : undefined;
}

/**
 * The build owns build/manifest.json only when it recognises it: someone else's file of that name
 * (another tool's, a hand-written one) is refused before anything is written rather than
 * overwritten or misread. The name stays `manifest.json` because scripts and the watch mode
 * already read it there; what makes it ours is `tool.name: parallel-press`.
 */
export async function assertOwnManifest(outDir: string, bookDir: string): Promise<void> {
  const found = await manifestIn(outDir);
  if (found.kind !== 'foreign') return;
  const file = path.relative(bookDir, path.join(outDir, MANIFEST_FILE));
  throw new UserError({
    file: file.startsWith('..') ? path.join(outDir, MANIFEST_FILE) : file,
    severity: 'error',
    ruleId: 'manifest-foreign',
    message: `${MANIFEST_FILE} in the output directory is not a parallel-press manifest (${found.reason}): expected \`"tool": { "name": "parallel-press" }\` and an \`editions\` list; move that file away or build into another directory with \`--out DIR\``,
  });
}

type Found = { kind: 'absent' } | { kind: 'ours'; manifest: Manifest } | { kind: 'foreign'; reason: string };

async function manifestIn(outDir: string): Promise<Found> {
  let text: string;
  try {
    text = await readFile(path.join(outDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'foreign', reason: `it cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'foreign', reason: 'it is not JSON' };
  }
  if (!isRecord(value) || !isRecord(value.tool) || value.tool.name !== 'parallel-press') return { kind: 'foreign', reason: 'it has no `tool.name: parallel-press`' };
  if (!Array.isArray(value.editions) || !value.editions.every((e) => isRecord(e) && typeof e.id === 'string')) return { kind: 'foreign', reason: 'its `editions` is not a list of editions' };
  return { kind: 'ours', manifest: value as unknown as Manifest };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
