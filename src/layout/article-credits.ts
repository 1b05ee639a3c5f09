import type { Element } from 'hast';
import { h } from 'hastscript';
import { articleCredits, isArticle } from '../manuscript/credits.js';
import type { AlignedChapter } from '../manuscript/model.js';
import { editionPhrases } from './edition-phrases.js';
import { formatPublished } from './i18n.js';

/**
 * The credits under an article's title, in one language: its author (or that the source names
 * none), where and when it was published, who translated the source. Other chapters have none.
 */
export function articleByline(chapter: AlignedChapter, lang: string, sourceLang: string): Element | null {
  if (!isArticle(chapter)) return null;
  const credits = articleCredits(chapter, lang, sourceLang);
  const tell = editionPhrases(lang);
  const published = credits.publication || credits.published ? tell.publishedIn(credits.publication, credits.published && formatPublished(credits.published, lang)) : undefined;
  return h('div', { className: ['byline'] }, [
    h('p', { className: credits.author ? ['author'] : ['author', 'not-credited'] }, credits.author ? [credits.author, credits.affiliation].filter(Boolean).join(', ') : tell.authorNotCredited),
    published ? h('p', { className: ['source'] }, published) : null,
    credits.sourceTranslator ? h('p', { className: ['source-translator'] }, tell.sourceTranslatedBy(credits.sourceTranslator, sourceLang)) : null,
  ]);
}
