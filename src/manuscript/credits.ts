import type { AlignedChapter } from './model.js';

/**
 * Who wrote an article and where it was published, from its chapter's front matter:
 * `author`, `publication`, `published` (YYYY, YYYY-MM or YYYY-MM-DD), `url`, and
 * `source_translator`, who translated the source into the book's source language (a credit of the
 * article, not of the book). A translation may give its own `publication` (a name as its language
 * writes it); anything it leaves out comes from the source.
 */
export interface ArticleCredits {
  /** Undefined when the source names no author: the book says so rather than borrow another's. */
  author: string | undefined;
  /** Where the author works, as the source gives it. */
  affiliation: string | undefined;
  publication: string | undefined;
  published: string | undefined;
  url: string | undefined;
  sourceTranslator: string | undefined;
}

/** The chapters that are articles: they carry credits, shown under their title and in the colophon's sources. */
export function isArticle(chapter: AlignedChapter): boolean {
  return chapter.kind === 'chapter' || chapter.kind === 'appendix';
}

export function articleCredits(chapter: AlignedChapter, lang: string, sourceLang: string): ArticleCredits {
  const own = chapter.documents[lang]?.frontMatter ?? {};
  const source = chapter.documents[sourceLang]?.frontMatter ?? {};
  const field = (key: string): string | undefined => {
    const value = own[key] ?? source[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return { author: field('author'), affiliation: field('affiliation'), publication: field('publication'), published: field('published'), url: field('url'), sourceTranslator: field('source_translator') };
}

/** `published` as written: a year, a month or a day. */
export const PUBLISHED_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Someone the book credits because of an article: its author, or who translated its source. */
export interface ArticleContributor {
  name: string;
  role: 'author' | 'translator';
  /** The file name of the article, e.g. `03-priceless-common-asset.md`. */
  article: string;
}

/**
 * The book's credits that come from its articles, in reading order, each person once per role: an
 * article's author is an author of the book (EPUB `dc:creator`, MARC `aut`); who translated a source
 * into English is credited as that article's translator (`dc:contributor`, `trl`), never as the
 * translator of the book's own translations, which book.yaml `translators` names per language.
 */
export function articleContributors(chapters: readonly AlignedChapter[], sourceLang: string): ArticleContributor[] {
  const found: ArticleContributor[] = [];
  const add = (name: string | undefined, role: ArticleContributor['role'], article: string) => {
    if (name && !found.some((c) => c.name === name && c.role === role)) found.push({ name, role, article });
  };
  for (const chapter of chapters.filter(isArticle)) {
    const credits = articleCredits(chapter, sourceLang, sourceLang);
    add(credits.author, 'author', chapter.name);
    add(credits.sourceTranslator, 'translator', chapter.name);
  }
  return found;
}
