import type { Node } from 'unist';
import type { Diagnostic, Place } from '../diagnostics/index.js';
import type { AlignedChapter, Book, ManuscriptDocument, Section } from '../manuscript/model.js';

/** A lint rule reads the loaded book and returns what it found; it never prints or throws. */
export type LintRule = (book: Book) => Diagnostic[];

/** A source document paired with one of its translations. */
export interface TranslationPair {
  chapter: AlignedChapter;
  lang: string;
  source: ManuscriptDocument;
  translation: ManuscriptDocument;
}

/** Every (source, translation) pair of the book that loaded. */
export function translationPairs(book: Book): TranslationPair[] {
  const pairs: TranslationPair[] = [];
  for (const chapter of book.chapters) {
    const source = chapter.documents[book.sourceLang];
    if (!source) continue;
    for (const [lang, translation] of Object.entries(chapter.documents)) {
      if (lang !== book.sourceLang && translation) pairs.push({ chapter, lang, source, translation });
    }
  }
  return pairs;
}

/**
 * A rule that looks only at a file's own text: what it found is remembered per file and text, so
 * that `preview`, `build --watch` and `check` look again only at the files that changed. The check
 * must depend on nothing but the document's path, language and text.
 */
export function perFileRule(check: (doc: ManuscriptDocument) => Diagnostic[]): LintRule {
  const seen = new Map<string, { text: unknown; found: Diagnostic[] }>();
  return (book) =>
    allDocuments(book).flatMap((doc) => {
      const key = `${doc.lang}\u0000${doc.path}`;
      let entry = seen.get(key);
      if (entry?.text !== doc.file.value) seen.set(key, (entry = { text: doc.file.value, found: check(doc) }));
      // Copies: whoever reports them may not change what is remembered.
      return entry.found.map((diagnostic) => ({ ...diagnostic }));
    });
}

/** Every loaded document of the book, source first. */
export function allDocuments(book: Book): ManuscriptDocument[] {
  return book.chapters.flatMap((chapter) => Object.values(chapter.documents).filter((doc): doc is ManuscriptDocument => doc !== undefined));
}

export function placeOfNode(doc: ManuscriptDocument, node: Node | undefined): Place {
  const start = node?.position?.start;
  return start ? { file: doc.path, line: start.line, column: start.column } : { file: doc.path };
}

/** Where a section starts: its heading, or its first block for the lead. */
export function placeOfSection(doc: ManuscriptDocument, section: Section | undefined): Place {
  return placeOfNode(doc, section?.heading ?? section?.blocks[0]?.node);
}

/** Where the front matter is (line 1 when there is none): titles and fingerprints live there. */
export function placeOfFrontMatter(doc: ManuscriptDocument, key?: string): Place {
  const lines = String(doc.file.value).split('\n');
  if (lines[0] !== '---') return { file: doc.path, line: 1, column: 1 };
  if (key !== undefined) {
    const pattern = new RegExp(`^${key}\\s*:`);
    for (let index = 1; index < lines.length && lines[index] !== '---'; index++) {
      if (pattern.test(lines[index] ?? '')) return { file: doc.path, line: index + 1, column: 1 };
    }
  }
  return { file: doc.path, line: 1, column: 1 };
}

export function describeSection(section: Section): string {
  return section.heading === undefined ? '`_lead` (the text before the first heading)' : `\`${section.id}\``;
}

export function formatLocation(place: Place): string {
  return place.line === undefined ? place.file : `${place.file}:${place.line}:${place.column ?? 1}`;
}
