import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../diagnostics/index.js';

/**
 * Writes through a temp file and a rename, so a failed build never leaves a half-written
 * PDF or EPUB over a good one. A full disk or an unwritable place is the user's to fix: a
 * diagnostic naming the file, not a stack trace.
 */
export async function writeOutput(target: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFileAtomic(target, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    throw asOutputError(error, target);
  }
}

/** Creates the output directory (and its parents), with the same diagnostics as writeOutput. */
export async function ensureOutputDir(dir: string): Promise<void> {
  try {
    await makeDirectories(path.resolve(dir));
  } catch (error) {
    throw asOutputError(error, dir);
  }
}

/**
 * `mkdir -p` one level at a time: Node 20's `mkdir(…, { recursive: true })` never settles for a
 * path under /proc (e.g. `--out /proc/self/x`), which would hang the build.
 */
async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      if ((await stat(current)).isDirectory()) break;
      throw Object.assign(new Error(`${current} is not a directory`), { code: current === dir ? 'EEXIST' : 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(current) === current) throw error;
      missing.unshift(current);
    }
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      // Another build may create it at the same moment.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space',
  EDQUOT: 'the disk quota is used up; free some space',
  EACCES: 'permission denied; choose a directory you may write to (`--out DIR`)',
  EPERM: 'not permitted; choose a directory you may write to (`--out DIR`)',
  EROFS: 'the file system is read-only; choose another output directory (`--out DIR`)',
  ENOTDIR: 'a file stands where a directory should be; move it away or choose another output directory (`--out DIR`)',
  EEXIST: 'a file stands where the output directory should be; move it away or choose another output directory (`--out DIR`)',
  EISDIR: 'a directory stands where the output file should be; remove it',
  ENOENT: 'a directory on the way does not exist and cannot be created',
  ENAMETOOLONG: 'the path is too long; choose a shorter output directory',
};

/** A file-system error the user can fix becomes a diagnostic; anything else stays a bug. */
function asOutputError(error: unknown, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = code ? CAUSES[code] : undefined;
  if (!code || !cause) return error;
  return new UserError({
    file: target,
    severity: 'error',
    ruleId: 'output-unwritable',
    message: `Cannot write ${target} (${code}): expected a writable output directory with free space, but ${cause}. Nothing was half-written: the previous output, if any, is untouched.`,
  });
}
