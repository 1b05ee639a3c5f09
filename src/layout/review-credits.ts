import type { Book } from '../manuscript/model.js';
import { sectionReviews } from '../manuscript/review.js';

/** "Reviewed by …" in the language of the page that prints it. */
const REVIEWED_BY: Record<string, (names: string) => string> = {
  en: (names) => `Reviewed by ${names}.`,
  vi: (names) => `Người hiệu đính: ${names}.`,
  km: (names) => `អ្នកពិនិត្យ៖ ${names}។`,
};

export interface LanguageReview {
  /** `reviewed` only when every translated section is reviewed or approved and unchanged since. */
  status: 'draft' | 'reviewed';
  /** Who reviewed the sections whose review still holds, in book order, each once. */
  reviewers: string[];
}

export function languageReview(book: Book, lang: string): LanguageReview {
  const reviewers: string[] = [];
  let sections = 0;
  let current = 0;
  for (const chapter of book.chapters) {
    const source = chapter.documents[book.sourceLang];
    const translation = chapter.documents[lang];
    if (!source || !translation) {
      sections++;
      continue;
    }
    for (const section of sectionReviews(source, translation)) {
      sections++;
      if (section.state !== 'current') continue;
      current++;
      const name = section.review.reviewer;
      if (name && !reviewers.includes(name)) reviewers.push(name);
    }
  }
  return { status: sections > 0 && current === sections ? 'reviewed' : 'draft', reviewers };
}

/** The colophon's line naming a language's reviewers, in `pageLang`; empty when nobody's review holds. */
export function reviewersLine(book: Book, lang: string, pageLang: string): string {
  const { reviewers } = languageReview(book, lang);
  if (reviewers.length === 0) return '';
  const say = REVIEWED_BY[pageLang] ?? (REVIEWED_BY.en as (names: string) => string);
  return say(reviewers.join(', '));
}
