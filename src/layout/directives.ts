import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { articleCredits, isArticle } from '../manuscript/credits.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import type { RenderContext } from './render-context.js';
import { chapterTitle } from './chapter-parts.js';
import { describeFaces } from './edition-fonts.js';
import { editionPhrases } from './edition-phrases.js';
import { formatDate, formatPublished, phrases } from './i18n.js';
import { languageReview, reviewersLine } from './review-credits.js';

/**
 * Leaf directives the build fills in from the book and the edition being built, in the language of
 * the file that holds them: what an edition says about itself is generated, so it is true of every
 * edition (`::edition-statement`, `::edition-languages`, `::edition-fonts`, `::translation-status`),
 * and so are `::sources` (the articles' credits) and `::build-date`.
 */
export const GENERATED_DIRECTIVES = ['build-date', 'translation-status', 'edition-statement', 'edition-languages', 'edition-fonts', 'sources'] as const;
type GeneratedDirective = (typeof GENERATED_DIRECTIVES)[number];

/** Whether a block says which faces the edition embeds (`::edition-fonts`): its text changes with them. */
export function namesFaces(node: Node): boolean {
  let found = false;
  visit(node, 'leafDirective', (directive) => {
    if ((directive as { name?: string }).name === 'edition-fonts') found = true;
  });
  return found;
}

export function expandDirective(node: RootContent, doc: ManuscriptDocument, context: RenderContext): RootContent {
  if (node.type !== 'leafDirective' || !(GENERATED_DIRECTIVES as readonly string[]).includes(node.name)) return node;
  const name = node.name as GeneratedDirective;
  const lang = doc.lang;
  const say = phrases(lang);
  const tell = editionPhrases(lang);
  const { book, edition } = context;
  switch (name) {
    case 'build-date':
      return paragraph(say.buildDate(formatDate(context.date, lang)));
    case 'translation-status': {
      // Translations in the same state, with no reviewers to name, are spoken of in one sentence.
      const translations = edition.languages.filter((language) => language !== book.sourceLang);
      const lines: string[] = [];
      for (const status of ['draft', 'reviewed'] as const) {
        const unnamed = translations.filter((language) => languageReview(book, language).status === status && !reviewersLine(book, language, lang));
        if (unnamed.length > 0) lines.push(say.translationStatus(tell.list(unnamed.map((language) => say.languageName(language))), status, unnamed.length));
      }
      for (const language of translations) {
        const reviewers = reviewersLine(book, language, lang);
        if (reviewers) lines.push(`${say.translationStatus(say.languageName(language), languageReview(book, language).status)} ${reviewers}`);
      }
      return paragraph(lines.join(' '));
    }
    case 'edition-statement':
      return paragraph(tell.editionStatement(edition.languages));
    case 'edition-languages':
      return paragraph(tell.editionLanguages(edition.languages));
    case 'edition-fonts':
      return paragraph(tell.editionFonts(describeFaces(context.fonts ?? [])));
    case 'sources':
      return sourcesList(lang, context);
    default:
      return name satisfies never;
  }
}

/** One item per article: its title, byline, publication and date, address, and who translated the source. */
function sourcesList(lang: string, { book }: RenderContext): List {
  const tell = editionPhrases(lang);
  const items = book.chapters.filter(isArticle).map((chapter): ListItem => {
    const credits = articleCredits(chapter, lang, book.sourceLang);
    const title = chapterTitle(chapter, book.sourceLang, book.sourceLang);
    const published = credits.publication || credits.published ? tell.publishedIn(credits.publication, credits.published && formatPublished(credits.published, lang)) : undefined;
    const children: PhrasingContent[] = [
      { type: 'emphasis', children: [text(title)] },
      text(`${tell.stop} ${credits.author ? [credits.author, credits.affiliation].filter(Boolean).join(', ') : tell.authorNotCredited}${tell.stop}`),
      ...(published ? [text(` ${published}${tell.stop}`)] : []),
      ...(credits.sourceTranslator ? [text(` ${tell.sourceTranslatedBy(credits.sourceTranslator, book.sourceLang)}${tell.stop}`)] : []),
      ...(credits.url ? [text(' '), { type: 'link' as const, url: credits.url, children: [text(credits.url)] }] : []),
    ];
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
  });
  return { type: 'list', ordered: false, spread: false, children: items };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function paragraph(value: string): RootContent {
  return { type: 'paragraph', children: [text(value)] };
}
