import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the preview serves from the book and the templates: media only, never markdown, YAML or scripts. */
const MEDIA_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/**
 * Resolves the URL path `urlPath` (still percent-encoded, relative to `root`) to a file inside `root`,
 * or undefined: `..` segments, encoded separators, NUL bytes, symlinks leading outside `root`,
 * directories and any type not in the media list are all refused.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let relative: string;
  try {
    relative = urlPath.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
  if (relative.includes('\0') || relative.includes('\\') || relative.split('/').some((segment) => segment === '..')) return undefined;
  const type = MEDIA_TYPES[path.extname(relative).toLowerCase()];
  if (!type) return undefined;
  try {
    const realRoot = await realpath(root);
    const file = await realpath(path.resolve(root, relative));
    if (!isWithin(realRoot, file) || !(await stat(file)).isFile()) return undefined;
    return { body: await readFile(file), type };
  } catch {
    return undefined;
  }
}

export function isWithin(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
