import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';
import { epubEntries } from './helpers/epub.js';

const MINI = path.join(FIXTURES, 'books/mini');

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file}: ${String(from)}`).not.toBe(text);
  await writeFile(file, next);
}

function checkJson(stdout: string): { ruleId: string; file: string; line?: number; message: string }[] {
  return (JSON.parse(stdout) as { diagnostics: { ruleId: string; file: string; line?: number; message: string }[] }).diagnostics;
}

interface StatusJson {
  languages: { lang: string; status: string; reviewers: string[]; chapters: { file: string; status: string; needsReview: string[]; reviewers: string[] }[] }[];
}

/** The review workflow through the real CLI: front matter, `sync --reviewed`, `check`, `status`, `build --final` and the colophon. */
describe('translation review', () => {
  it('requires a reviewer and a date for reviewed and approved, at the line of the value', async () => {
    const book = await copyBook(MINI);
    const vi = path.join(book, 'translations/vi/01-river.md');
    await edit(vi, 'status: draft', 'status: approved');
    const km = path.join(book, 'translations/km/01-river.md');
    await edit(km, 'status: draft', 'status: draft\nreviews:\n  _lead: { status: reviewed, reviewer: Sok Dara }\n  two-countries: { status: final }');
    const result = await runCli(['check', book]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/translations\/vi\/01-river\.md:3:1: error: `status: approved` without `reviewer` and `reviewed` \(date\): expected who reviewed .* \[front-matter-type\]/);
    expect(result.stderr).toMatch(/translations\/km\/01-river\.md:5:1: error: The reviewed review of section `_lead` needs a `reviewer` and a `date` \(YYYY-MM-DD\): expected .* \[front-matter-type\]/);
    expect(result.stderr).toMatch(/translations\/km\/01-river\.md:6:1: error: The review of section `two-countries` has status "final": expected one of draft, reviewed, approved.* \[front-matter-type\]/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  describe('a review, then an edit', () => {
    let book: string;
    let vi: string;
    beforeAll(async () => {
      book = await copyBook(MINI);
      vi = path.join(book, 'translations/vi/01-river.md');
      await edit(vi, 'status: draft', 'status: reviewed\nreviewer: Nguyễn Thị Lan\nreviewed: 2026-11-20');
    });

    it('needs the review recorded, then holds until the text changes', async () => {
      const unrecorded = checkJson((await runCli(['check', book, '--json'])).stdout).filter((d) => d.ruleId === 'review-outdated');
      expect(unrecorded.map((d) => `${d.file}:${d.line}`)).toEqual(['translations/vi/01-river.md:2', 'translations/vi/01-river.md:10']);

      const synced = await runCli(['sync', 'vi', '--all', '--reviewed', '--book', book]);
      expect(synced.code, synced.stderr).toBe(0);
      expect(synced.stdout).toContain('review recorded: _lead, two-countries');
      expect(await readFile(vi, 'utf8')).toMatch(/reviewFingerprints:\n {2}_lead: [0-9a-f]{12}-[0-9a-f]{12}\n {2}two-countries: [0-9a-f]{12}-[0-9a-f]{12}\n/);
      expect(checkJson((await runCli(['check', book, '--json'])).stdout).filter((d) => d.ruleId === 'review-outdated')).toEqual([]);
      const before = JSON.parse((await runCli(['status', book, '--json'])).stdout) as StatusJson;
      expect(before.languages[0]).toMatchObject({ lang: 'vi', status: 'reviewed', reviewers: ['Nguyễn Thị Lan'] });
      expect(before.languages[0]?.chapters[0]?.needsReview).toEqual([]);

      // The translator changes one sentence of a reviewed section: that section, and only it, needs review again.
      await edit(vi, 'mỗi buổi sáng', 'vào mỗi buổi sáng');
      const after = checkJson((await runCli(['check', book, '--json'])).stdout).filter((d) => d.ruleId === 'review-outdated');
      expect(after.map((d) => `${d.file}:${d.line}`)).toEqual(['translations/vi/01-river.md:16']);
      expect(after[0]?.message).toMatch(/was reviewed by Nguyễn Thị Lan on 2026-11-20, but the translation changed since: expected a review/);
      const status = JSON.parse((await runCli(['status', book, '--json'])).stdout) as StatusJson;
      expect(status.languages[0]?.chapters[0]?.needsReview).toEqual(['two-countries']);
      expect((await runCli(['status', book])).stdout).toContain('needs review again: translations/vi/01-river.md#two-countries');

      // So does a change of the English it was reviewed against.
      await runCli(['sync', 'vi', '--all', '--reviewed', '--book', book]);
      await edit(path.join(book, 'manuscript/01-river.md'), 'The Mekong flows', 'The Mekong river flows');
      const english = checkJson((await runCli(['check', book, '--json'])).stdout).filter((d) => d.ruleId === 'review-outdated');
      expect(english.map((d) => `${d.file}:${d.line} ${/the English at manuscript\/01-river\.md:\d+:\d+ changed since/.test(d.message)}`)).toEqual(['translations/vi/01-river.md:2 true']);
    });
  });

  describe('build --final', () => {
    let book: string;
    beforeAll(async () => {
      book = await copyBook(MINI);
      const colophon = (lang: string, title: string, text: string) => `---\ntitle: ${title}\nkind: colophon\n${lang === 'en' ? '' : 'status: draft\n'}---\n\n${text}\n\n::translation-status\n`;
      await writeFile(path.join(book, 'manuscript/99-colophon.md'), colophon('en', 'Colophon', 'Set in Noto Serif.'));
      await writeFile(path.join(book, 'translations/vi/99-colophon.md'), colophon('vi', 'Thông tin xuất bản', 'Sắp chữ bằng Noto Serif.'));
      await writeFile(path.join(book, 'translations/km/99-colophon.md'), colophon('km', 'ព័ត៌មានបោះពុម្ព', 'វាយអក្សរដោយ Noto Serif Khmer។'));
    });

    it('refuses a draft book, listing every file and section not reviewed, and writes nothing', async () => {
      const result = await runCli(['build', book, '--final', '--edition', 'mini-epub']);
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n').filter((line) => line.includes('[final-unreviewed]'));
      expect(lines).toHaveLength(4);
      expect(result.stderr).toMatch(/translations\/vi\/01-river\.md:3:1: error: translations\/vi\/01-river\.md is not ready for a final build \(draft: _lead, two-countries\): expected every section reviewed or approved/);
      expect(result.stderr).toMatch(/translations\/km\/99-colophon\.md:4:1: error: .*\(draft: _lead\)/);
      expect(existsSync(path.join(book, 'build/mini-epub.epub'))).toBe(false);
    });

    it('refuses it through book.yaml `final: true` too, and builds it once it is reviewed, naming the reviewers', async () => {
      await writeFile(path.join(book, 'book.yaml'), `${await readFile(path.join(book, 'book.yaml'), 'utf8')}final: true\n`);
      expect((await runCli(['build', book, '--edition', 'mini-epub'])).code).toBe(1);

      for (const [lang, who] of [['vi', 'Nguyễn Thị Lan'], ['km', 'Sok Dara']] as const) {
        for (const name of ['01-river.md', '99-colophon.md']) {
          await edit(path.join(book, 'translations', lang, name), 'status: draft', `status: approved\nreviewer: ${who}\nreviewed: 2026-11-2${lang === 'vi' ? 0 : 1}`);
        }
        expect((await runCli(['sync', lang, '--all', '--reviewed', '--book', book])).code).toBe(0);
      }
      const built = await runCli(['build', book, '--edition', 'mini-epub']);
      expect(built.code, built.stderr).toBe(0);
      const entries = await epubEntries(path.join(book, 'build/mini-epub.epub'));
      const colophon = strFromU8([...entries].find(([name]) => name.endsWith('99-colophon.xhtml'))?.[1] ?? new Uint8Array());
      expect(colophon).toContain('The Vietnamese translation has been reviewed by a native speaker.');
      expect(colophon).toContain('Reviewed by Sok Dara.');
      expect(colophon).toContain('Người hiệu đính: Nguyễn Thị Lan.');
      expect(colophon.replace(/\u200b/g, '')).toContain('អ្នកពិនិត្យ៖ Sok Dara។');
    });
  });
});
