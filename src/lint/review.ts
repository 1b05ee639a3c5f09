import type { Diagnostic } from '../diagnostics/index.js';
import { LEAD_KEY } from '../manuscript/fingerprint.js';
import { sectionReviews, type SectionReview } from '../manuscript/review.js';
import { sectionById } from '../manuscript/section-index.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import { formatLocation, placeOfFrontMatter, placeOfSection, translationPairs, type LintRule } from './rule.js';

/**
 * `review-outdated` (warning): a section marked reviewed or approved whose English or translation
 * changed after the review (or whose review was never recorded with `sync --reviewed`): it needs
 * a review again, and `build --final` refuses it until then.
 */
export const outdatedReviews: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { lang, source, translation } of translationPairs(book)) {
    for (const section of sectionReviews(source, translation)) {
      if (section.state !== 'outdated') continue;
      const here = placeOf(translation, section.key);
      const there = placeOf(source, section.key);
      const by = `${section.review.status} by ${section.review.reviewer ?? '(no reviewer)'}${section.review.date ? ` on ${section.review.date}` : ''}`;
      diagnostics.push({
        ...here,
        severity: 'warning',
        ruleId: 'review-outdated',
        message: `Section ${label(section.key)} of ${translation.path} was ${by}, but ${why(section, formatLocation(there))}: expected a review of the current text; once reviewed, run \`parallel-press sync ${lang} ${translation.path.split('/').pop() ?? ''} --section ${section.key} --reviewed\``,
        related: there,
      });
    }
  }
  return diagnostics;
};

function why(section: SectionReview, english: string): string {
  if (section.changed.includes('unrecorded')) return 'no review fingerprint is recorded, so later changes could not be noticed';
  const parts = [section.changed.includes('english') ? `the English at ${english}` : '', section.changed.includes('translation') ? 'the translation' : ''].filter(Boolean);
  return `${parts.join(' and ')} changed since`;
}

function placeOf(doc: ManuscriptDocument, key: string) {
  if (key === LEAD_KEY) return placeOfFrontMatter(doc, 'title');
  return placeOfSection(doc, sectionById(doc, key));
}

function label(key: string): string {
  return key === LEAD_KEY ? '`_lead` (title and text before the first heading)' : `\`${key}\``;
}
