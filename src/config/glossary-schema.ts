import { z } from 'zod';
import { languageCode } from './schema.js';

/**
 * glossary.yaml, the book's termbase: per term its English forms, the renderings each translation
 * must use and the variants it must not. `check` holds the translations to it (term-missing,
 * term-forbidden) and `xliff export` hands each unit's entries to CAT tools.
 */
const form = z.string().trim().min(1, 'a non-empty form').transform((s) => s.normalize('NFC'));

const renderings = z
  .object({
    preferred: z.array(form).default([]).describe('The renderings a translation may use; the first is the one to suggest.'),
    forbidden: z.array(form).default([]).describe('Variants that must not appear in the translation (a wrong title, a misspelt name).'),
    note: z.string().optional().describe('Why, for the translator of this language.'),
  })
  .strict();

export const glossaryTerm = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a kebab-case id of lowercase letters, digits and hyphens'),
    source: z.array(form).min(1).describe('The English forms; matched case-insensitively on word boundaries.'),
    note: z.string().optional().describe('What the term is and why it is rendered so.'),
    translations: z.record(languageCode, renderings).default({}),
  })
  .strict();

export const glossarySchema = z
  .object({ terms: z.array(glossaryTerm).default([]) })
  .strict()
  .superRefine((glossary, ctx) => {
    const seen = new Set<string>();
    glossary.terms.forEach((term, index) => {
      if (seen.has(term.id)) ctx.addIssue({ code: 'custom', path: ['terms', index, 'id'], message: `a unique term id; "${term.id}" is used twice` });
      seen.add(term.id);
    });
  });

export type Glossary = z.infer<typeof glossarySchema>;
export type GlossaryTerm = z.infer<typeof glossaryTerm>;

/** A term with the line of glossary.yaml it starts on, so diagnostics can point there. */
export interface PlacedTerm extends GlossaryTerm {
  line: number;
}
