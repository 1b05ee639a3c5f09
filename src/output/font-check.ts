import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Edition } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Book } from '../manuscript/model.js';
import { fontStack, packageOfFamily } from '../text/scripts.js';
import { printFontFamilies, type NamedFamily } from './template-fonts.js';

/** Debian packages of the families a template is likely to name; others get a search hint. */
const PACKAGES: [RegExp, string][] = [
  [/^Noto (Serif|Sans)( Khmer)?( Display)?$/i, 'fonts-noto-core'],
  [/^Noto Color Emoji$/i, 'fonts-noto-color-emoji'],
  [/^Noto /i, 'fonts-noto-core or fonts-noto-extra'],
  [/^Khmer OS/i, 'fonts-khmeros'],
  [/^Mondulkiri/i, 'fonts-sil-mondulkiri'],
  [/^DejaVu/i, 'fonts-dejavu-core'],
  [/^Liberation/i, 'fonts-liberation2'],
];

/** The ranges fontconfig reports as a font's charset ("20-7e a0-17f 1ea0"). */
type Coverage = [number, number][];

/**
 * Before printing: every font family the print templates name must be installed, and every
 * character of the text to print must be in one of them. Chromium otherwise falls back silently
 * to whatever system font has the glyph (or draws an empty box), which a proofreader may never
 * notice. fontconfig answers both questions the way Chromium will, in one `fc-list` call.
 */
export async function fontProblems(book: Book, editions: readonly Edition[], templatesDir: string): Promise<Diagnostic[]> {
  const printed = new Set(editions.filter((e) => e.format === 'pdf').flatMap((e) => e.languages));
  if (printed.size === 0) return [];
  const setsLanguages = new Map<NamedFamily, string[]>();
  const named = withTableFamilies(await printFontFamilies(templatesDir), printed, book.dir, setsLanguages);
  let installed: Map<string, Coverage>;
  try {
    installed = await installedFamilies();
  } catch {
    return [{ file: 'fc-list', severity: 'warning', ruleId: 'font-check-skipped', message: 'fc-list could not run, so the print fonts and glyphs were not checked: expected fontconfig\'s tools; install them with `apt-get install fontconfig`' }];
  }
  const diagnostics = named.filter((f) => !installed.has(f.family.toLowerCase())).map((f) => missingFont(f, setsLanguages.get(f)));
  const coverage = named.flatMap((f) => installed.get(f.family.toLowerCase()) ?? []);
  if (diagnostics.length > 0 || coverage.length === 0) return diagnostics;
  return uncoveredCharacters(book, printed, coverage, named.map((f) => f.family));
}

/**
 * The families the font table sets the printed languages in (src/text/scripts.ts), after those the
 * templates name: a Lao edition needs Noto Serif Lao though no template mentions it.
 */
function withTableFamilies(named: NamedFamily[], languages: ReadonlySet<string>, bookDir: string, setsLanguages: Map<NamedFamily, string[]>): NamedFamily[] {
  const all = [...named];
  for (const lang of languages) {
    for (const family of fontStack(lang)) {
      let entry = all.find((f) => f.family.toLowerCase() === family.toLowerCase());
      if (!entry) {
        entry = { family, file: path.join(bookDir, 'book.yaml'), line: 1, column: 1 };
        all.push(entry);
        setsLanguages.set(entry, []);
      }
      setsLanguages.get(entry)?.push(lang);
    }
  }
  return all;
}

async function installedFamilies(): Promise<Map<string, Coverage>> {
  const { stdout } = await promisify(execFile)('fc-list', ['--format', '%{family}\t%{charset}\n'], { maxBuffer: 64 * 1024 * 1024 });
  const families = new Map<string, Coverage>();
  for (const line of stdout.split('\n')) {
    const [names = '', charset = ''] = line.split('\t');
    const ranges = charset
      .split(' ')
      .filter(Boolean)
      .map((range): [number, number] => {
        const [from = '0', to = from] = range.split('-');
        return [parseInt(from, 16), parseInt(to, 16)];
      });
    // A font has its family in several languages ("Noto Serif,Noto Serif Regular"): each is a name for it.
    for (const name of names.split(',')) families.set(name.trim().toLowerCase(), [...(families.get(name.trim().toLowerCase()) ?? []), ...ranges]);
  }
  return families;
}

function missingFont(font: NamedFamily, languages: string[] | undefined): Diagnostic {
  const pkg = packageOfFamily(font.family) ?? PACKAGES.find(([pattern]) => pattern.test(font.family))?.[1];
  const install = pkg ? `install it with \`apt-get install ${pkg}\`` : `find its package with \`apt-cache search ${font.family.toLowerCase().split(' ')[0] ?? ''} font\` or copy the font files to ~/.local/share/fonts/`;
  return {
    file: font.file,
    line: font.line,
    column: font.column,
    severity: 'error',
    ruleId: 'font-missing',
    message: `Font "${font.family}" ${languages ? `for the book language(s) ${languages.join(', ')} (the font table, src/text/scripts.ts)` : 'named in the print template'} is not installed: expected it on this system (\`fc-list : family\` lists what is); ${install}, or name an installed font. Chromium would silently print in another font.`,
  };
}

/** Invisible, spacing and control characters need no glyph. */
const NEEDS_NO_GLYPH = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const MAX_CHARACTERS = 20;

function uncoveredCharacters(book: Book, languages: ReadonlySet<string>, coverage: Coverage, families: readonly string[]): Diagnostic[] {
  const covered = (code: number) => coverage.some(([from, to]) => code >= from && code <= to);
  const known = new Map<number, boolean>();
  const first = new Map<number, { file: string; line: number; column: number; count: number }>();
  for (const chapter of book.chapters) {
    for (const doc of Object.values(chapter.documents)) {
      if (!doc || !languages.has(doc.lang)) continue;
      String(doc.file.value)
        .split('\n')
        .forEach((text, index) => {
          let column = 1;
          for (const char of text) {
            const code = char.codePointAt(0) ?? 0;
            if (!NEEDS_NO_GLYPH.test(char)) {
              if (!known.has(code)) known.set(code, covered(code));
              if (known.get(code) === false) {
                const seen = first.get(code);
                if (seen) seen.count++;
                else first.set(code, { file: doc.path, line: index + 1, column, count: 1 });
              }
            }
            column += char.length;
          }
        });
    }
  }
  return [...first].slice(0, MAX_CHARACTERS).map(([code, place]) => ({
    file: place.file,
    line: place.line,
    column: place.column,
    severity: 'error',
    ruleId: 'glyph-missing',
    message: `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} "${String.fromCodePoint(code)}" is in none of the print fonts (${families.join(', ')})${place.count > 1 ? `, ${place.count} times in the book` : ''}: Chromium would draw it in a fallback font or as an empty box; expected text the fonts cover: replace the character, or name a font that has it in the print template`,
  }));
}
