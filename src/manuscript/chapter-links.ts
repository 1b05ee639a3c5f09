import path from 'node:path';
import type { AlignedChapter, Book, ManuscriptDocument } from './model.js';

/**
 * Where a link of the manuscript leads. A relative link names a markdown file (`02-asset.md`,
 * `../manuscript/02-asset.md#border`); in a PDF or an EPUB that file does not exist, its chapter
 * does: the link must become the chapter's (or the section's) anchor, or nothing. Left as it was,
 * Chromium resolves it against the temporary HTML file and writes a `file:` URL naming the build's
 * temp directory into the PDF.
 */
export type ChapterLink =
  | { kind: 'web' }
  | { kind: 'chapter'; chapter: AlignedChapter; sectionId: string | undefined }
  | { kind: 'none'; problem: string | undefined };

const WEB = /^(?:https?:|mailto:)/i;

export function resolveChapterLink(book: Book, from: ManuscriptDocument, url: string): ChapterLink {
  if (WEB.test(url)) return { kind: 'web' };
  // Removed by the safety pass (javascript:, a path out of the book): the text stays, the link goes.
  if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url)) return { kind: 'none', problem: undefined };
  const hash = url.indexOf('#');
  const filePart = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? undefined : url.slice(hash + 1);
  let target: string;
  try {
    target = filePart === '' ? from.path : path.posix.normalize(path.posix.join(path.posix.dirname(from.path), decodeURI(filePart)));
  } catch {
    return { kind: 'none', problem: 'is not a valid path (a stray `%`?)' };
  }
  const chapter = chapterOfPath(book, target);
  if (!chapter) {
    return { kind: 'none', problem: `leads to ${target}, which is not a chapter of the book: expected a link to a chapter file such as \`02-asset.md\` or \`../manuscript/02-asset.md#section-id\`` };
  }
  if (fragment === undefined || fragment === '') return { kind: 'chapter', chapter, sectionId: undefined };
  if (!chapter.sections.some((section) => section.id === fragment)) {
    return { kind: 'none', problem: `names section \`#${fragment}\`, which ${chapter.name} does not have: expected the \`{#id}\` of one of its headings (${chapter.sections.map((s) => s.id).filter(Boolean).slice(0, 5).map((id) => `#${id}`).join(', ') || 'none'})` };
  }
  return { kind: 'chapter', chapter, sectionId: fragment };
}

const chaptersByPath = new WeakMap<Book, Map<string, AlignedChapter>>();

function chapterOfPath(book: Book, target: string): AlignedChapter | undefined {
  let index = chaptersByPath.get(book);
  if (!index) {
    index = new Map();
    for (const chapter of book.chapters) {
      for (const doc of Object.values(chapter.documents)) if (doc) index.set(doc.path, chapter);
    }
    chaptersByPath.set(book, index);
  }
  return index.get(target);
}
