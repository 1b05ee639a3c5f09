import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import subsetFont from 'subset-font';
import { UserError } from '../diagnostics/index.js';
import { packageOfFamily, scriptsOf } from '../text/scripts.js';
import type { EpubResource } from './epub-package.js';
import type { EmbeddedFace } from '../layout/edition-fonts.js';

const run = promisify(execFile);

/** Where a face goes inside the EPUB: `Noto Serif Khmer`, `Bold` → fonts/noto-serif-khmer-bold.woff2. */
function faceHref(family: string, style: string): string {
  const suffix = style === 'Regular' ? '' : `-${style}`;
  return `fonts/${`${family}${suffix}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.woff2`;
}

interface FaceSpec {
  family: string;
  style: 'Regular' | 'Italic' | 'Bold' | 'Bold Italic';
  weight: 400 | 700;
  italic: boolean;
}

/**
 * The faces an EPUB embeds, each the real face its stylesheet asks for (epub.css sets
 * `font-synthesis: none`: no reading system draws a made-up bold or slant). Noto Serif, for Latin
 * and Vietnamese, titles and digits: Regular, Italic (emphasis, bylines, the translations'
 * headings), Bold (headings, strong) and Bold Italic. Every other script's family: Regular and Bold,
 * never a slant (Khmer emphasis is set in the Bold: epub.css).
 */
function faceSpecs(languages: readonly string[]): FaceSpec[] {
  return scriptsOf(languages).flatMap((script): FaceSpec[] => {
    const upright: FaceSpec[] = [
      { family: script.family, style: 'Regular', weight: 400, italic: false },
      { family: script.family, style: 'Bold', weight: 700, italic: false },
    ];
    if (script.family !== 'Noto Serif') return upright;
    return [...upright, { family: script.family, style: 'Italic', weight: 400, italic: true }, { family: script.family, style: 'Bold Italic', weight: 700, italic: true }];
  });
}

/** The faces an edition of these languages embeds, for its colophon (`::edition-fonts`). */
export function epubFaces(languages: readonly string[]): EmbeddedFace[] {
  return faceSpecs(languages).map((face) => ({ family: face.family, style: face.style }));
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
  const faces = faceSpecs(languages);
  // Every missing face at once, in the table's order: the first fc-match to answer must not decide what the message names.
  const files = await Promise.allSettled(faces.map((face) => fontFile(face.family, face.style)));
  const missing = files.flatMap((file) => (file.status === 'rejected' ? [file.reason as unknown] : []));
  if (missing.length > 0) throw missing.every((e) => e instanceof UserError) ? new UserError(missing.flatMap((e) => (e as UserError).diagnostics)) : missing[0];
  return Promise.all(
    faces.map(async (face, n) => {
      const file = files[n];
      const original = await readFile(file?.status === 'fulfilled' ? file.value : '');
      const data = await subsetFont(original, characters, { targetFormat: 'woff2' });
      return { ...face, href: faceHref(face.family, face.style), mediaType: 'font/woff2', data: new Uint8Array(data), originalBytes: original.byteLength };
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
  // fc-match falls back silently to another family, or to the family's Regular: both are checked.
  if (!found.family.split(',').includes(family) || !found.style.split(',').includes(style) || found.file === '') {
    throw new UserError({
      file: family,
      severity: 'error',
      ruleId: 'font-missing',
      message: `The font ${family} ${style} is not installed (fontconfig offers ${found.family || 'nothing'} ${found.style}): expected it for the EPUB; install it with \`apt-get install ${packageOfFamily(family) ?? 'fonts-noto-core'}\` (or run parallel-press's \`scripts/setup\` as root)`,
    });
  }
  return found.file;
}
