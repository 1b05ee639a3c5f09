import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import subsetFont from 'subset-font';
import { UserError } from '../diagnostics/index.js';
import type { EpubResource } from './epub-package.js';
import type { EmbeddedFace } from '../layout/edition-fonts.js';

const run = promisify(execFile);

/**
 * The faces an EPUB embeds, each the real face its stylesheet asks for (epub.css sets
 * `font-synthesis: none`: no reading system draws a made-up bold or slant): Noto Serif for Latin and
 * Vietnamese in Regular, Italic (emphasis, bylines, the translations' headings), Bold (headings,
 * strong) and Bold Italic; Noto Serif Khmer for Khmer in Regular and Bold, never slanted (Khmer
 * emphasis is set in the Bold).
 */
const FACES = [
  { family: 'Noto Serif', style: 'Regular', weight: 400, italic: false, href: 'fonts/noto-serif.woff2', forLang: (_lang: string) => true },
  { family: 'Noto Serif', style: 'Italic', weight: 400, italic: true, href: 'fonts/noto-serif-italic.woff2', forLang: (_lang: string) => true },
  { family: 'Noto Serif', style: 'Bold', weight: 700, italic: false, href: 'fonts/noto-serif-bold.woff2', forLang: (_lang: string) => true },
  { family: 'Noto Serif', style: 'Bold Italic', weight: 700, italic: true, href: 'fonts/noto-serif-bold-italic.woff2', forLang: (_lang: string) => true },
  { family: 'Noto Serif Khmer', style: 'Regular', weight: 400, italic: false, href: 'fonts/noto-serif-khmer.woff2', forLang: (lang: string) => lang === 'km' },
  { family: 'Noto Serif Khmer', style: 'Bold', weight: 700, italic: false, href: 'fonts/noto-serif-khmer-bold.woff2', forLang: (lang: string) => lang === 'km' },
] as const;

/** The faces an edition of these languages embeds, for its colophon (`::edition-fonts`). */
export function epubFaces(languages: readonly string[]): EmbeddedFace[] {
  return FACES.filter((face) => languages.some((lang) => face.forLang(lang))).map((face) => ({ family: face.family, style: face.style }));
}

export interface EmbeddedFont extends EpubResource {
  family: string;
  /** `Regular`, `Bold`, `Italic`, `Bold Italic`. */
  style: string;
  weight: number;
  italic: boolean;
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
      const original = await readFile(await fontFile(face.family, face.style));
      const data = await subsetFont(original, characters, { targetFormat: 'woff2' });
      return { family: face.family, style: face.style, weight: face.weight, italic: face.italic, href: face.href, mediaType: 'font/woff2', data: new Uint8Array(data), originalBytes: original.byteLength };
    }),
  );
}

/** `@font-face` rules for the embedded faces, one per weight and style; the stylesheet names the families per language. */
export function fontFaceCss(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map((font) => `@font-face { font-family: '${font.family}'; font-style: ${font.italic ? 'italic' : 'normal'}; font-weight: ${font.weight}; src: url(${font.href}) format('woff2'); }\n`)
    .join('');
}

/** The installed file of a family, through fontconfig; fc-match falls back silently, so the family is checked. */
export async function fontFile(family: string, style = 'Regular'): Promise<string> {
  let found: { family: string; style: string; file: string };
  try {
    const { stdout } = await run('fc-match', ['-f', '%{family}\n%{style}\n%{file}', `${family}:style=${style}`]);
    const [families = '', styles = '', file = ''] = stdout.split('\n');
    found = { family: families, style: styles, file };
  } catch {
    found = { family: '', style: '', file: '' };
  }
  // fc-match falls back silently to another family, or to the Regular of the family: both are checked.
  if (!found.family.split(',').includes(family) || !found.style.split(',').includes(style) || found.file === '') {
    throw new UserError({
      file: family,
      severity: 'error',
      ruleId: 'font-missing',
      message: `The font ${family} ${style} is not installed (fontconfig offers ${found.family || 'nothing'} ${found.style}): expected it for the EPUB; install fonts-noto-core (or run \`bash scripts/setup\` as root)`,
    });
  }
  return found.file;
}
