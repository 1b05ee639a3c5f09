import type { Edition } from '../config/schema.js';
import { epubPhrases } from '../layout/epub-phrases.js';
import { phrases } from '../layout/i18n.js';
import type { PageListEntry } from '../layout/epub-page-breaks.js';
import { articleContributors } from '../manuscript/credits.js';
import type { Book } from '../manuscript/model.js';
import type { AccessibilityMetadata, EpubMetadata } from '../output/epub.js';

const MARC_ROLE = { author: 'aut', editor: 'edt', translator: 'trl' } as const;

/** What the EPUB holds, as far as its accessibility statements depend on it. */
export interface EpubFacts {
  /** Images (cover included); `check` has made sure each has alt text. */
  images: number;
  /** Page-break markers and page list from a print edition; empty without one. */
  pageList: PageListEntry[];
  /** The print edition the page breaks come from. */
  pageBreakSource: string | undefined;
}

/** Package metadata from book.yaml: the identifier is the book's own, never a random one. */
export function epubMetadata(book: Book, edition: Edition, date: Date, facts: EpubFacts): EpubMetadata {
  const { config } = book;
  const primary = edition.languages[0] ?? book.sourceLang;
  const titles = edition.languages.flatMap((lang) => (config.title[lang] ? [{ lang, text: config.title[lang] }] : []));
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const words = epubPhrases(primary);
  return {
    identifier: config.identifier,
    title: config.title[primary] ?? titles[0]?.text ?? '',
    titles,
    languages: edition.languages,
    description: config.description,
    creators: [
      ...articleContributors(book.chapters, book.sourceLang).map((c) => ({ name: c.name, role: MARC_ROLE[c.role], element: c.role === 'author' ? ('creator' as const) : ('contributor' as const) })),
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
    landmarks: { title: words.landmarks, cover: words.cover, toc: words.contents, bodymatter: words.bodymatter, pages: words.pages },
    accessibility: accessibilityMetadata(edition, facts),
    pageList: facts.pageList,
    pageBreakSource: facts.pageBreakSource,
  };
}

/**
 * Only what the build guarantees: headings for every chapter and section, a linked table of
 * contents, the reading order of the text itself, alt text on every image (a `check` error without
 * it), language marked on every block, no fixed layout, nothing that flashes or plays.
 * WCAG 2.1 AA is claimed because those are the criteria a text-and-image book can fail and each is
 * checked by the build, Ace (axe) or epubcheck. Page numbers only with a print edition to take them from.
 */
function accessibilityMetadata(edition: Edition, facts: EpubFacts): AccessibilityMetadata {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const languages = edition.languages.map((lang) => names.of(lang) ?? lang);
  const interleaved = languages.length > 1 ? `, each passage followed by its ${languages.slice(1).join(' and ')} translation` : '';
  return {
    accessModes: facts.images > 0 ? ['textual', 'visual'] : ['textual'],
    accessModesSufficient: facts.images > 0 ? ['textual', 'textual,visual'] : ['textual'],
    features: [
      'structuralNavigation',
      'tableOfContents',
      'readingOrder',
      'displayTransformability',
      ...(facts.images > 0 ? ['alternativeText'] : []),
      // pageBreakMarkers is the current name, printPageNumbers the one older checkers know.
      ...(facts.pageList.length > 0 ? ['pageBreakMarkers', 'printPageNumbers', 'pageNavigation'] : []),
    ],
    hazards: ['none'],
    summary:
      `This publication gives the text in ${languages.join(', ')} in one reading order${interleaved}; ` +
      'every passage is marked with its language and its fonts are embedded. Chapters and sections have headings, ' +
      'the table of contents links every chapter, and every image has a text description. ' +
      (facts.pageList.length > 0 ? 'Page-break markers and a page list give the page numbers of the print edition. ' : '') +
      'It contains no flashing, sound or motion, and meets WCAG 2.1 Level AA.',
    conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
    certifiedBy: undefined,
  };
}
