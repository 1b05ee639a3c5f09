import type { Edition } from '../config/schema.js';
import { articleContributors } from '../manuscript/credits.js';
import type { Book } from '../manuscript/model.js';
import type { PdfMetadata } from '../output/pdf-metadata.js';
import { TOOL_VERSION } from '../paths.js';

/** The PDF's Info dictionary and XMP from book.yaml, as the EPUB's package metadata is. */
export function pdfMetadata(book: Book, edition: Edition, date: Date): PdfMetadata {
  const { config } = book;
  const primary = edition.languages[0] ?? book.sourceLang;
  return {
    title: config.title[primary] ?? Object.values(config.title)[0] ?? '',
    titles: edition.languages.flatMap((lang) => (config.title[lang] ? [{ lang, text: config.title[lang] }] : [])),
    authors: [...new Set([...articleContributors(book.chapters, book.sourceLang).filter((c) => c.role === 'author').map((c) => c.name), ...config.authors.filter((a) => a.role !== 'translator').map((a) => a.name)])],
    subject: config.description,
    keywords: config.subjects,
    languages: edition.languages,
    publisher: config.publisher,
    rights: config.rights,
    identifier: config.identifier,
    date,
    producer: `parallel-press ${TOOL_VERSION} (Chromium, pdf-lib)`,
  };
}
