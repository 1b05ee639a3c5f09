import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { familiesInCss } from '../src/output/template-fonts.js';
import { copyBook, FIXTURES, hasStackTrace, ROOT, runCli } from './helpers/cli.js';
import { pdfFonts } from './helpers/pdf.js';

/**
 * Fonts are checked before printing: a family the print template names must be installed
 * (font-missing, with the Debian package), and every printed character must be in one of those
 * families (glyph-missing, with U+XXXX, file and line). Otherwise Chromium falls back silently.
 */
describe('the print fonts', () => {
  let bookDir: string;
  let previous: Map<string, Buffer>;
  const outputs = async () => new Map(await Promise.all(['mini-print.pdf', 'mini-epub.epub'].map(async (name) => [name, await readFile(path.join(bookDir, 'build', name))] as const)));

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    expect((await runCli(['build', bookDir])).code).toBe(0);
    previous = await outputs();
  });

  async function templatesNaming(replace: [string, string]): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-templates-'));
    await cp(path.join(ROOT, 'templates'), dir, { recursive: true });
    const css = await readFile(path.join(dir, 'print.css'), 'utf8');
    expect(css).toContain(replace[0]);
    await writeFile(path.join(dir, 'print.css'), css.replace(replace[0], replace[1]));
    return dir;
  }

  async function expectRefused(env: NodeJS.ProcessEnv = {}): Promise<string> {
    const result = await runCli(['build', bookDir], { env });
    expect(result.code).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(await outputs()).toEqual(previous);
    expect((await readdir(path.join(bookDir, 'build'))).sort()).toEqual(['.cache', 'manifest.json', 'mini-epub.epub', 'mini-print.pdf']);
    return result.stderr;
  }

  it('prints the good book in the named fonts only, never a fallback', () => {
    const fonts = pdfFonts(path.join(bookDir, 'build/mini-print.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name, font.name).toMatch(/^[A-Z]{6}\+NotoSerif(Khmer)?-/);
      expect(font.embedded).toBe(true);
    }
  });

  it('names a template font that is not installed, where the template names it, and its Debian package', async () => {
    const templates = await templatesNaming(["--font-khmer: 'Noto Serif Khmer'", "--font-khmer: 'Mondulkiri'"]);
    const stderr = await expectRefused({ PARALLEL_PRESS_TEMPLATES_DIR: templates });
    expect(stderr).toContain(`${path.join(templates, 'print.css')}:8:17: error: Font "Mondulkiri" named in the print template is not installed`);
    expect(stderr).toMatch(/install it with `apt-get install fonts-sil-mondulkiri`, or name an installed font.* \[font-missing\]/);
  });

  it('gives a search hint for a font of unknown origin', async () => {
    const templates = await templatesNaming(["--font-latin: 'Noto Serif'", "--font-latin: 'House Serif Pro', 'Noto Serif'"]);
    const stderr = await expectRefused({ PARALLEL_PRESS_TEMPLATES_DIR: templates });
    expect(stderr).toMatch(/print\.css:7:17: error: Font "House Serif Pro" .*`apt-cache search house font`.*\[font-missing\]/);
  });

  it('names each character no print font has, with U+XXXX, file, line and column', async () => {
    const chapter = path.join(bookDir, 'manuscript/01-river.md');
    const km = path.join(bookDir, 'translations/km/01-river.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('every morning.', 'every morning 🐟, and 🐟 again.'));
    await writeFile(km, (await readFile(km, 'utf8')).replace('ប្រទេសពីរ', 'ប្រទេសពីរ 𗀀'));
    try {
      const stderr = await expectRefused();
      expect(stderr).toMatch(/^manuscript\/01-river\.md:12:43: error: Character U\+1F41F "🐟" is in none of the print fonts \(Noto Serif, Noto Serif Khmer\), 2 times in the book: .* \[glyph-missing\]$/m);
      expect(stderr).toMatch(/^translations\/km\/01-river\.md:8:14: error: Character U\+17000 "𗀀" is in none of the print fonts/m);
    } finally {
      await cp(path.join(FIXTURES, 'books/mini/manuscript'), path.join(bookDir, 'manuscript'), { recursive: true });
      await cp(path.join(FIXTURES, 'books/mini/translations'), path.join(bookDir, 'translations'), { recursive: true });
    }
  });

  it('checks nothing for an EPUB-only build: an e-reader uses its own fonts', async () => {
    const chapter = path.join(bookDir, 'manuscript/01-river.md');
    await writeFile(chapter, (await readFile(chapter, 'utf8')).replace('every morning.', 'every morning 🐟.'));
    try {
      const result = await runCli(['build', bookDir, '--edition', 'mini-epub']);
      expect(result.code, result.stderr).toBe(0);
    } finally {
      await cp(path.join(FIXTURES, 'books/mini/manuscript'), path.join(bookDir, 'manuscript'), { recursive: true });
    }
  });
});

describe('font families in a stylesheet', () => {
  it('finds font-family values and --font properties, not generics, var() or @font-face families', () => {
    const css = `@font-face { font-family: 'Own Face'; src: url(own.woff2); }
/* font-family: 'Commented Out'; */
:root { --font-body: "Noto Serif", serif; }
p { font-family: var(--font-body); }
.k { font-family: 'Own Face', Khmer OS Siemreap, sans-serif !important; }`;
    expect(familiesInCss(css, 'x.css').map((f) => `${f.family} ${f.line}:${f.column}`)).toEqual(['Noto Serif 3:22', 'Khmer OS Siemreap 5:31']);
  });
});
