import type { Diagnostic } from '../diagnostics/index.js';
import { fingerprintUnits } from '../manuscript/fingerprint.js';
import type { Book } from '../manuscript/model.js';
import { sectionReviews } from '../manuscript/review.js';
import { placeOfFrontMatter } from '../lint/rule.js';

/**
 * `build --final` (or book.yaml `final: true`): a book goes to press only when every section of
 * every translation it prints is reviewed or approved and unchanged since. One error per file that
 * is not, listing its draft, outdated and untranslated sections.
 */
export function finalGate(book: Book, languages: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const chapter of book.chapters) {
    const source = chapter.documents[book.sourceLang];
    if (!source) continue;
    for (const lang of languages) {
      const translation = lang === book.sourceLang ? undefined : chapter.documents[lang];
      if (!translation) continue; // a missing file is already an error of its own
      const reviews = sectionReviews(source, translation);
      const draft = reviews.filter((r) => r.state === 'draft').map((r) => r.key);
      const outdated = reviews.filter((r) => r.state === 'outdated').map((r) => r.key);
      const untranslated = fingerprintUnits(source).map((u) => u.key).filter((key) => !reviews.some((r) => r.key === key));
      if (draft.length + outdated.length + untranslated.length === 0) continue;
      const parts = [
        draft.length > 0 ? `draft: ${draft.join(', ')}` : '',
        outdated.length > 0 ? `needs review again: ${outdated.join(', ')}` : '',
        untranslated.length > 0 ? `untranslated: ${untranslated.join(', ')}` : '',
      ].filter(Boolean);
      const file = translation.path.split('/').pop() ?? translation.path;
      diagnostics.push({
        ...placeOfFrontMatter(translation, 'status'),
        severity: 'error',
        ruleId: 'final-unreviewed',
        message: `${translation.path} is not ready for a final build (${parts.join('; ')}): expected every section reviewed or approved, with \`reviewer\` and \`reviewed\`, and recorded with \`parallel-press sync ${lang} ${file} --all --reviewed\``,
        related: { file: source.path },
      });
    }
  }
  return diagnostics;
}
