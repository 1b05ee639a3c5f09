import { z } from 'zod';

/**
 * The single source of truth for book.yaml: types, validation and (later) the config reference
 * are all derived from this schema.
 */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language code such as en, vi or km');

const text = z.string().trim().min(1, 'a non-empty text');
const perLanguage = z.record(languageCode, text);

export const trimSize = z.union([
  z.enum(['A4', 'A5', 'B5', 'US-Letter']),
  z.string().regex(/^\d+(\.\d+)?x\d+(\.\d+)?$/, 'a named trim (A4, A5, B5, US-Letter) or WxH in mm, e.g. 170x240'),
]);

export const editionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lowercase letters, digits and hyphens'),
    format: z.enum(['pdf', 'epub']),
    layout: z.enum(['columns', 'interleaved', 'facing']).default('columns'),
    /** Languages of this edition, in column / reading order; defaults to the book's languages. */
    languages: z.array(languageCode).min(1).optional(),
    trim: trimSize.default('A5'),
  })
  .strict();

const person = z.object({ name: text, role: z.enum(['author', 'editor', 'translator']).default('author') }).strict();
const translator = z.object({ name: text, language: languageCode }).strict();

export const bookSchema = z
  .object({
    title: perLanguage,
    subtitle: perLanguage.optional(),
    /** Stable identifier (urn:uuid:…, urn:isbn:…): the EPUB dc:identifier. */
    identifier: text,
    authors: z.array(person).default([]),
    translators: z.array(translator).default([]),
    publisher: text.optional(),
    description: text,
    subjects: z.array(text).default([]),
    rights: text.optional(),
    /** Book languages; the first is the source language of manuscript/. */
    languages: z.array(languageCode).min(1),
    editions: z.array(editionSchema).min(1),
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

/** An edition with its defaults resolved against the book. */
export interface Edition extends Omit<EditionConfig, 'languages'> {
  languages: string[];
}

export function resolveEditions(book: BookConfig): Edition[] {
  return book.editions.map((edition) => ({ ...edition, languages: edition.languages ?? book.languages }));
}
