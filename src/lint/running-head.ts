import type { Diagnostic } from '../diagnostics/index.js';
import { isPdfEdition, resolveEditions } from '../config/schema.js';
import { contentsChapters } from '../layout/front-matter.js';
import { pageGeometry } from '../layout/page-geometry.js';
import { fitsRunningHead, rectoHeadLanguages, runningTitle } from '../layout/running-heads.js';
import { placeOfFrontMatter, type LintRule } from './rule.js';

/**
 * `running-head-too-long` (warning): a chapter title that, in the running head of a PDF edition (in
 * all the head's languages, estimated from its characters), would not fit one line, in a language
 * whose front matter has no `short_title`. The head then gives the first language alone; a
 * `short_title` in each language puts them all back.
 */
export const runningHeadLength: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const edition of resolveEditions(book.config).filter(isPdfEdition)) {
    const width = pageGeometry(edition).textArea.widthMm;
    const languages = rectoHeadLanguages(edition, book.sourceLang);
    for (const chapter of contentsChapters(book.chapters)) {
      const parts = languages.map((lang) => ({ lang, text: runningTitle(chapter, lang, book.sourceLang) }));
      if (fitsRunningHead(parts, width)) continue;
      for (const lang of languages) {
        const doc = chapter.documents[lang];
        const key = `${chapter.name}\u0000${lang}`;
        if (!doc || typeof doc.frontMatter.short_title === 'string' || reported.has(key)) continue;
        reported.add(key);
        diagnostics.push({
          ...placeOfFrontMatter(doc, 'title'),
          severity: 'warning',
          ruleId: 'running-head-too-long',
          message: `The title "${runningTitle(chapter, lang, book.sourceLang)}" makes the running head of edition ${edition.id} longer than its ${width.toFixed(0)} mm line (${languages.join(' · ')}): expected a \`short_title: …\` in the front matter of ${doc.path}; until then the head gives the first language alone`,
        });
      }
    }
  }
  return diagnostics;
};
