import { z } from 'zod';
import { CONFIG_LIMITS, trimWithinLimits } from './limits.js';
import { DEFAULT_MARGINS_MM, type PageMargins } from './page-margins.js';

/**
 * The single source of truth for book.yaml: types, validation and the README's config reference
 * (`npm run docs:config`, src/docs/) are all derived from this schema. Every field has a
 * `.describe()`: it is the reference text. A `title` in `.meta()` names a reused type in the reference.
 */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language code such as en, vi or km')
  .meta({ title: 'language code' });

const text = z.string().trim().min(1, 'a non-empty text').max(CONFIG_LIMITS.maxTextLength, `a text of at most ${CONFIG_LIMITS.maxTextLength} characters`).meta({ title: 'text' });
const perLanguage = z.record(languageCode, text).meta({ title: '{ language code: text }' });

export const trimSize = z
  .union([
    z.enum(['A4', 'A5', 'B5', 'US-Letter']),
    z.string().regex(/^\d+(\.\d+)?x\d+(\.\d+)?$/, 'a named trim (A4, A5, B5, US-Letter) or WxH in mm, e.g. 170x240')
      .refine(trimWithinLimits, `a WxH trim with each side from ${CONFIG_LIMITS.trimMinMm} to ${CONFIG_LIMITS.trimMaxMm} mm, e.g. 170x240`),
  ])
  .meta({ title: '`A4` \\| `A5` \\| `B5` \\| `US-Letter` \\| `WxH` (mm)' });

const isbn = z
  .string()
  .regex(/^(97[89][- ]?)?\d{1,5}[- ]?\d+[- ]?\d+[- ]?[\dX]$/, 'an ISBN-13 or ISBN-10, e.g. 978-0-00-000000-0')
  .meta({ title: 'ISBN' });

const editionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and hyphens')
  .max(CONFIG_LIMITS.editionIdLength, `an id of at most ${CONFIG_LIMITS.editionIdLength} characters`);

/** What every edition has, whatever its format. */
const editionBase = {
  id: editionId.describe('Names the edition and its output file: `build/ID.pdf` or `build/ID.epub`; `--edition ID` builds only it. Lowercase letters, digits and hyphens.'),
  languages: z
    .array(languageCode)
    .min(1)
    .optional()
    .describe("The edition's languages in column / reading order; each must be a book language. Default: the book's `languages`."),
};

const marginMm = z.number().nonnegative('a margin of 0 mm or more').max(100, 'a margin of at most 100 mm');
const margin = (side: keyof PageMargins, what: string) => marginMm.optional().describe(`${what}; default from the trim, at least ${DEFAULT_MARGINS_MM[side]}.`);
export const pageMargins = z
  .object({
    top: margin('top', 'Above the text, where the running head is'),
    bottom: margin('bottom', 'Below the text, where the folio is'),
    inner: margin('inner', 'On the binding side'),
    outer: margin('outer', 'On the side away from the binding'),
  })
  .strict()
  .meta({ title: '{ top, bottom, inner, outer } (mm)' });

export const pdfEditionSchema = z
  .object({
    id: editionBase.id,
    format: z.literal('pdf').describe('`pdf`: printed by Chromium, for the press.'),
    languages: editionBase.languages,
    layout: z
      .enum(['columns', 'interleaved', 'facing'])
      .default('columns')
      .describe('How the languages share the page: `columns` side by side, `interleaved` each block followed by its translations, `facing` one language per page of a spread.'),
    trim: trimSize.default('A5').describe('Page size: a named size or width x height in millimetres, e.g. `170x240`.'),
    margins: pageMargins
      .optional()
      .describe(
        `Page margins in millimetres, any of them: e.g. \`{ inner: 20 }\` widens the binding margin. Default: the book design's scheme per trim (src/layout/page-geometry.ts: head 7 % of the height, at least ${DEFAULT_MARGINS_MM.top}; foot 8.5 %, at least ${DEFAULT_MARGINS_MM.bottom}; inner 8 % of the width, at least ${DEFAULT_MARGINS_MM.inner}; outer 11 %, never under the inner).`,
      ),
    columnWidths: z
      .array(z.number().positive('a positive width ratio'))
      .optional()
      .describe('`columns` layout: the width ratio of each column, in the order of `languages`, e.g. `[1, 1, 1.2]` gives the Khmer column a fifth more room. Default: equal columns.'),
    primary: languageCode
      .optional()
      .describe('`interleaved` layout: the language whose block comes first and is set full width; the others follow it, indented and labelled. Default: the first of `languages`.'),
    isbn: isbn.optional().describe("The edition's ISBN, printed on the title verso. Default: the book's `isbn`."),
    press: z
      .boolean()
      .default(false)
      .describe('Also write `build/ID.press.pdf` for the printer: 3 mm bleed, crop marks, TrimBox and BleedBox, PDF/X-3 through Ghostscript (CMYK). `build --press` does it for every PDF edition.'),
  })
  .strict()
  .describe('A PDF edition (`format: pdf`): pages for the press.');

export const epubEditionSchema = z
  .object({
    id: editionBase.id,
    format: z.literal('epub').describe('`epub`: an EPUB 3 for e-readers.'),
    languages: editionBase.languages,
    primary: languageCode
      .optional()
      .describe("The language whose block comes first in every row, and the language of the book's package and navigation; the others follow it. Default: the first of `languages`."),
    pageBreaksFrom: editionId
      .optional()
      .describe(
        'The id of a PDF edition whose pages the EPUB marks (page-break markers and a page list), so that "page 42" means the same in both. The PDF is printed during the build if it is not one of the editions being built.',
      ),
    khmerWordBreaks: z
      .boolean()
      .default(true)
      .describe(
        'Put an invisible U+200B between the words of Khmer (and of Lao, Thai, Myanmar: every script written without spaces), found with the ICU dictionary, so that reading systems without that dictionary can break lines; readers that have one show no difference. The PDF and the preview never get them.',
      ),
  })
  .strict()
  .describe('An EPUB edition (`format: epub`): reflowable text for e-readers.');

export const editionSchema = z.discriminatedUnion('format', [pdfEditionSchema, epubEditionSchema]).describe('One output of the book.');

/** The options each format takes, in the order of the reference: what a config error offers instead of a misplaced one. */
export const EDITION_OPTIONS = {
  pdf: Object.keys(pdfEditionSchema.shape),
  epub: Object.keys(epubEditionSchema.shape),
} as const satisfies Record<z.infer<typeof editionSchema>['format'], string[]>;

/** Options of a PDF edition that only one layout reads: given to another layout they would be ignored. */
const LAYOUT_OPTIONS = { columnWidths: 'columns', primary: 'interleaved' } as const;

const person = z
  .object({
    name: text.describe('The name as it should be printed.'),
    role: z.enum(['author', 'editor', 'translator']).default('author').describe('What they did; becomes the EPUB `role` (aut, edt, trl).'),
  })
  .strict();
const translator = z
  .object({
    name: text.describe('The name as it should be printed (or who made a draft, while it is one).'),
    language: languageCode.describe('The language they translated into.'),
  })
  .strict();

const separator = z.string().length(1, 'one character, e.g. "," or "."');
const numerals = z
  .record(
    languageCode,
    z
      .object({
        digits: z.enum(['latin', 'khmer']).default('latin').describe('`latin` (0–9, as typed) or `khmer` (០–៩): the digits print and EPUB show; the markdown keeps what was typed.'),
        decimal: separator.optional().describe("The decimal separator a translator types in this language; default CLDR's (`,` for vi and km, `.` for en)."),
        group: separator.optional().describe("The thousands separator; default CLDR's (`.` for vi and km, `,` for en)."),
      })
      .strict(),
  )
  .default({})
  .meta({ title: '{ language code: { digits, decimal, group } }' });

export const bookSchema = z
  .object({
    title: perLanguage.describe("The title in every book language, e.g. `{ en: …, vi: …, km: … }`. An edition's main title is the one in its first language."),
    subtitle: perLanguage.optional().describe('A subtitle per language, shown under the title.'),
    identifier: text.describe('A stable identifier that never changes between builds: `urn:uuid:…` or `urn:isbn:…`. The EPUB `dc:identifier`.'),
    authors: z.array(person).default([]).describe('Who wrote or edited the book.'),
    translators: z.array(translator).default([]).describe("Who translated the book's translations; an edition credits those of its languages."),
    publisher: text.optional().describe('The publisher: EPUB `dc:publisher`.'),
    description: text.describe('One paragraph about the book: the EPUB `dc:description`.'),
    subjects: z.array(text).default([]).describe('Subject keywords: one EPUB `dc:subject` each.'),
    rights: text.optional().describe('The rights statement (copyright, licence): EPUB `dc:rights`.'),
    isbn: isbn.optional().describe('The ISBN printed on the title verso of every PDF edition that sets none of its own.'),
    languages: z
      .array(languageCode)
      .min(1)
      .describe('The book languages. The first is the language of `manuscript/`; each other one has its translations in `translations/LANG/`.'),
    editions: z.array(editionSchema).min(1).max(CONFIG_LIMITS.editions, `at most ${CONFIG_LIMITS.editions} editions`).describe('What `build` makes: one file per edition.'),
    numerals: numerals.describe(
      "Per language: `digits` (`latin`, as typed, or `khmer`, ០–៩ in print and EPUB; the markdown keeps what was typed) and the `decimal` and `group` separators translators type (default CLDR's: `,` and `.` for vi and km), e.g. `{ km: { digits: khmer } }`; `check` warns about a number whose separator reads wrongly in its language.",
    ),
    final: z.boolean().default(false).describe('Refuse to build while a translation section is still draft or needs review again (as `build --final`).'),
  })
  .strict()
  .superRefine((book, ctx) => {
    for (const lang of book.languages) {
      if (!(lang in book.title)) {
        ctx.addIssue({ code: 'custom', path: ['title'], message: `a title in every book language; "${lang}" is missing` });
      }
    }
    const seen = new Set<string>();
    book.editions.forEach((edition, index) => {
      if (seen.has(edition.id)) {
        ctx.addIssue({ code: 'custom', path: ['editions', index, 'id'], message: `a unique edition id; "${edition.id}" is used twice` });
      }
      seen.add(edition.id);
      if (edition.format === 'epub' && edition.pageBreaksFrom !== undefined && !book.editions.some((e) => e.id === edition.pageBreaksFrom && e.format === 'pdf')) {
        ctx.addIssue({
          code: 'custom',
          path: ['editions', index, 'pageBreaksFrom'],
          message: `the id of a PDF edition of this book (${book.editions.filter((e) => e.format === 'pdf').map((e) => e.id).join(', ') || 'there is none'})`,
        });
      }
      const languages = edition.languages ?? book.languages;
      if (edition.format === 'pdf' && edition.columnWidths && edition.columnWidths.length !== languages.length) {
        ctx.addIssue({ code: 'custom', path: ['editions', index, 'columnWidths'], message: `one width per language of the edition (${languages.length}: ${languages.join(', ')})` });
      }
      if (edition.format === 'pdf' && edition.layout === 'facing' && languages.length !== 2) {
        ctx.addIssue({ code: 'custom', path: ['editions', index, 'languages'], message: `two languages for a facing edition, the verso's and the recto's (this one has ${languages.length})` });
      }
      if (edition.format === 'pdf') {
        for (const [option, layout] of Object.entries(LAYOUT_OPTIONS)) {
          if (edition[option as keyof typeof LAYOUT_OPTIONS] !== undefined && edition.layout !== layout) {
            ctx.addIssue({ code: 'custom', path: ['editions', index, option], message: `no \`${option}\` in a \`${edition.layout}\` edition: it is an option of the \`${layout}\` layout; remove it or set \`layout: ${layout}\`` });
          }
        }
      }
      if (edition.primary && !languages.includes(edition.primary)) {
        ctx.addIssue({ code: 'custom', path: ['editions', index, 'primary'], message: `one of the edition's languages (${languages.join(', ')})` });
      }
      edition.languages?.forEach((lang, langIndex) => {
        if (!book.languages.includes(lang)) {
          ctx.addIssue({
            code: 'custom',
            path: ['editions', index, 'languages', langIndex],
            message: `one of the book languages (${book.languages.join(', ')})`,
          });
        }
      });
    });
  });

export type BookConfig = z.infer<typeof bookSchema>;
export type EditionConfig = z.infer<typeof editionSchema>;
export type PdfEditionConfig = z.infer<typeof pdfEditionSchema>;
export type EpubEditionConfig = z.infer<typeof epubEditionSchema>;
export type EditionFormat = EditionConfig['format'];
export type Layout = PdfEditionConfig['layout'];

/** A PDF edition with its defaults resolved against the book. */
export interface PdfEdition extends Omit<PdfEditionConfig, 'languages'> {
  languages: string[];
}

/** An EPUB edition with its defaults resolved against the book. */
export interface EpubEdition extends Omit<EpubEditionConfig, 'languages'> {
  languages: string[];
}

/** An edition with its defaults resolved against the book: narrow on `format` to reach its options. */
export type Edition = PdfEdition | EpubEdition;

export function resolveEditions(book: BookConfig): Edition[] {
  return book.editions.map((edition): Edition => {
    const languages = edition.languages ?? book.languages;
    switch (edition.format) {
      case 'pdf':
        return { ...edition, languages };
      case 'epub':
        // An EPUB reads in one order everywhere (rows, cover, package language): the primary language first.
        return { ...edition, languages: edition.primary ? [edition.primary, ...languages.filter((l) => l !== edition.primary)] : languages };
      default:
        return edition satisfies never;
    }
  });
}

export function isPdfEdition(edition: Edition): edition is PdfEdition {
  return edition.format === 'pdf';
}

/** The digits each language's numbers are shown in (book.yaml `numerals`). */
export function digitsByLanguage(book: BookConfig): Record<string, 'latin' | 'khmer'> {
  return Object.fromEntries(Object.entries(book.numerals).map(([lang, n]) => [lang, n.digits]));
}
