import type { Element, ElementContent } from 'hast';
import type { Heading } from 'mdast';
import { blocksToHast } from '../markdown/processor.js';
import type { AlignedChapter, ManuscriptDocument } from '../manuscript/model.js';

/** The text of a chapter title in one language (front matter `title`), falling back to the source's. */
export function chapterTitle(chapter: AlignedChapter, lang: string, sourceLang: string): string {
  const own = chapter.documents[lang]?.frontMatter.title;
  const source = chapter.documents[sourceLang]?.frontMatter.title;
  return String(own ?? source ?? chapter.name);
}

/** A heading's inline content as hast (emphasis, links… kept; the `{#id}` already stripped). */
export function headingContent(heading: Heading | undefined, doc: ManuscriptDocument | undefined): ElementContent[] {
  if (!heading || !doc) return [];
  const root = blocksToHast([{ type: 'paragraph', children: heading.children }], doc.definitions, doc.file);
  const paragraph = root.children.find((node): node is Element => node.type === 'element');
  return paragraph ? paragraph.children : [];
}

/** Anchor id for a chapter, stable across builds: `ch-02-friendship`. */
export function chapterAnchor(chapter: AlignedChapter): string {
  return `ch-${chapter.name.replace(/\.md$/, '').replace(/[^a-z0-9-]/gi, '-').toLowerCase()}`;
}

export function sectionAnchor(chapter: AlignedChapter, sectionId: string): string {
  return `${chapterAnchor(chapter)}--${sectionId}`;
}


/** Anchor of aligned row n (from 1) of a section: where the print learns the row's page. */
export function rowAnchor(chapter: AlignedChapter, sectionId: string, n: number): string {
  return `${chapterAnchor(chapter)}--${sectionId || '_lead'}--${n}`;
}
