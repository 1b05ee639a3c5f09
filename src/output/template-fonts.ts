import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A font family a stylesheet names, with where: a missing one is reported at that line. */
export interface NamedFamily {
  family: string;
  file: string;
  line: number;
  column: number;
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong', 'inherit', 'initial', 'unset', 'revert', 'revert-layer']);

/**
 * The families the print stylesheets ask the system for: every top-level .css file of the
 * templates except the EPUB ones (an e-reader draws an EPUB with its own fonts). Values of
 * `font-family` and of `--font…` custom properties count; generic families, `var()` references
 * and families the stylesheet brings itself with @font-face do not.
 */
export async function printFontFamilies(templatesDir: string): Promise<NamedFamily[]> {
  const names = (await readdir(templatesDir)).filter((name) => name.endsWith('.css') && !name.startsWith('epub')).sort();
  const found: NamedFamily[] = [];
  for (const name of names) {
    const file = path.join(templatesDir, name);
    found.push(...familiesInCss(await readFile(file, 'utf8'), file));
  }
  return found;
}

export function familiesInCss(css: string, file: string): NamedFamily[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const selfHosted = new Set<string>();
  for (const face of text.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    const family = /font-family\s*:\s*([^;}]+)/.exec(face[0])?.[1];
    if (family) selfHosted.add(unquote(family).toLowerCase());
  }
  const found: NamedFamily[] = [];
  for (const declaration of text.matchAll(/(?:^|[;{\s])(font-family|--font[\w-]*)\s*:\s*([^;}]+)/g)) {
    let offset = (declaration.index ?? 0) + declaration[0].length - (declaration[2] ?? '').length;
    for (const part of (declaration[2] ?? '').split(',')) {
      const family = unquote(part);
      const start = offset + part.length - part.trimStart().length;
      offset += part.length + 1;
      if (!family || GENERIC.has(family.toLowerCase()) || /^var\(/i.test(family) || selfHosted.has(family.toLowerCase())) continue;
      if (found.some((f) => f.family === family)) continue;
      const before = text.slice(0, start);
      found.push({ family, file, line: before.split('\n').length, column: start - before.lastIndexOf('\n') });
    }
  }
  return found;
}

function unquote(value: string): string {
  return value.trim().replace(/^(['"])(.*)\1$/, '$2').replace(/\s*!important$/, '').trim();
}
