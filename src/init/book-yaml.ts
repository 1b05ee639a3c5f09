import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';

export interface NewBook {
  title: string;
  /** The source language first, then the translations. */
  languages: readonly string[];
}

/** The editions a new book starts with: one PDF with every language side by side, one EPUB. */
export const NEW_BOOK_EDITIONS = [
  { id: 'print', format: 'pdf', layout: 'columns', trim: 'A5' },
  { id: 'ebook', format: 'epub', pageBreaksFrom: 'print' },
] as const;

/**
 * book.yaml of a new book. Written as text (not by stringifying an object) so that the comments that
 * tell the publisher what to edit survive; every value goes through the YAML serialiser, so a title
 * with a colon or a quote stays one string.
 */
export function newBookYaml({ title, languages }: NewBook): string {
  const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();
  const [source = 'en', ...translations] = languages;
  const titles = [
    `  ${source}: ${scalar(title)}`,
    ...translations.map((lang) => `  ${lang}: ${scalar(title)}  # the title in ${lang}: translate it`),
  ];
  const editions = NEW_BOOK_EDITIONS.map((edition) =>
    Object.entries(edition)
      .map(([key, value], index) => `${index === 0 ? '  - ' : '    '}${key}: ${scalar(value)}`)
      .join('\n'),
  );
  return [
    `# A parallel-press book: \`parallel-press build\` makes build/print.pdf and build/ebook.epub.`,
    `# The reference of every field is in parallel-press's README ("book.yaml reference").`,
    'title:',
    ...titles,
    '# Made once for this book: keep it when the book changes (the EPUB dc:identifier).',
    `identifier: urn:uuid:${randomUUID()}`,
    '# One paragraph about the book, for the EPUB: edit it.',
    `description: ${scalar(`${title}: a book in ${languages.join(', ')}. Replace this with one paragraph about the book.`)}`,
    'authors: []',
    '# The source language (manuscript/) first; each other one has its translations in translations/LANG/.',
    `languages: [${languages.join(', ')}]`,
    'editions:',
    ...editions,
    '',
  ].join('\n');
}
