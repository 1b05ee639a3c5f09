import type { Edition } from '../config/schema.js';
import { phrases } from '../layout/i18n.js';
import type { Book } from '../manuscript/model.js';
import type { EpubMetadata } from '../output/epub.js';

const MARC_ROLE = { author: 'aut', editor: 'edt', translator: 'trl' } as const;

/** Package metadata from book.yaml: the identifier is the book's own, never a random one. */
export function epubMetadata(book: Book, edition: Edition, date: Date): EpubMetadata {
  const { config } = book;
  const primary = edition.languages[0] ?? book.sourceLang;
  const titles = edition.languages.flatMap((lang) => (config.title[lang] ? [{ lang, text: config.title[lang] }] : []));
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    identifier: config.identifier,
    title: config.title[primary] ?? titles[0]?.text ?? '',
    titles,
    languages: edition.languages,
    description: config.description,
    creators: [
      ...config.authors.map((a) => ({ name: a.name, role: MARC_ROLE[a.role], element: 'creator' as const })),
      ...config.translators
        .filter((t) => edition.languages.includes(t.language))
        .map((t) => ({ name: t.name, role: MARC_ROLE.translator, element: 'contributor' as const })),
    ],
    publisher: config.publisher,
    rights: config.rights,
    subjects: config.subjects,
    date: iso.slice(0, 10),
    modified: iso,
    tocTitle: phrases(primary).contents,
  };
}
