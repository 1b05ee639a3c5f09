import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import subsetFont from 'subset-font';
import { UserError } from '../diagnostics/index.js';
import type { EpubResource } from './epub-package.js';
import type { EmbeddedFace } from '../layout/edition-fonts.js';

const run = promisify(execFile);

/** The faces an EPUB embeds: Noto Serif for Latin and Vietnamese, Noto Serif Khmer for Khmer. */
const FACES = [
  { family: 'Noto Serif', href: 'fonts/noto-serif.woff2', forLang: (_lang: string) => true },
  { family: 'Noto Serif Khmer', href: 'fonts/noto-serif-khmer.woff2', forLang: (lang: string) => lang === 'km' },
] as const;

/** The faces an edition of these languages embeds, for its colophon (`::edition-fonts`). */
export function epubFaces(languages: readonly string[]): EmbeddedFace[] {
  return FACES.filter((face) => languages.some((lang) => face.forLang(lang))).map((face) => ({ family: face.family, style: 'Regular' }));
}

export interface EmbeddedFont extends EpubResource {
  family: string;
  /** Size of the installed font file the subset was cut from. */
  originalBytes: number;
}

/**
 * Subsets each face the edition's languages need to the characters of `text` (the NFC text of the
 * whole edition). A face keeps only the glyphs it has for those characters, plus what its GSUB/GPOS
 * rules reach from them, so Khmer stacking and Vietnamese marks shape as with the full font.
 */
export async function embedFonts(languages: readonly string[], text: string): Promise<EmbeddedFont[]> {
  const characters = [...new Set(text.normalize('NFC'))].sort().join('');
  const faces = FACES.filter((face) => languages.some((lang) => face.forLang(lang)));
  return Promise.all(
    faces.map(async (face) => {
      const original = await readFile(await fontFile(face.family));
      const data = await subsetFont(original, characters, { targetFormat: 'woff2' });
      return { family: face.family, href: face.href, mediaType: 'font/woff2', data: new Uint8Array(data), originalBytes: original.byteLength };
    }),
  );
}

/** `@font-face` rules for the embedded faces; the stylesheet names the families per language. */
export function fontFaceCss(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map((font) => `@font-face { font-family: '${font.family}'; font-style: normal; font-weight: normal; src: url(${font.href}) format('woff2'); }\n`)
    .join('');
}

/** The installed file of a family, through fontconfig; fc-match falls back silently, so the family is checked. */
export async function fontFile(family: string): Promise<string> {
  let found: { family: string; file: string };
  try {
    const { stdout } = await run('fc-match', ['-f', '%{family}\n%{file}', family]);
    const [families = '', file = ''] = stdout.split('\n');
    found = { family: families, file };
  } catch {
    found = { family: '', file: '' };
  }
  if (!found.family.split(',').includes(family) || found.file === '') {
    throw new UserError({
      file: family,
      severity: 'error',
      ruleId: 'font-missing',
      message: `The font ${family} is not installed (fontconfig offers ${found.family || 'nothing'}): expected it for the EPUB; install fonts-noto-core (or run \`bash scripts/setup\` as root)`,
    });
  }
  return found.file;
}
