import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ImportedArticle } from '../src/import/index.js';
import { importCase, readInput } from './helpers/import.js';

/**
 * Every defect the seeds are known to have (shared/seeds/README.md) is repaired, and nothing
 * else is broken. The hyphen tables are exhaustive: a hyphenated word in a seed that is in
 * neither list fails the test, so each one has been decided by a person.
 */
interface SeedExpectation {
  /** Source lines that are article text (not headline, byline, caption, credit or site links). */
  bodyLines: number[];
  join: Record<string, string>;
  keep: string[];
  frontMatter: Record<string, string>;
  removed: string[];
  headings: string[];
  /** Kept hyphenations whose joined form is also a word: reported for an editor's decision. */
  doubtful: string[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const SEEDS: Record<string, SeedExpectation> = {
  'friendship-continues': {
    bodyLines: range(8, 31),
    join: {
      'leader-ship': 'leadership', 'Develop-ment': 'Development', 'be-tween': 'between', 'proce-dures': 'procedures',
      're-maining': 'remaining', 'Vi-etnam': 'Vietnam', 'tele-communications': 'telecommunications', 'Cambo-dian': 'Cambodian',
      'val-ues': 'values', 'peo-ple': 'people', 'coun-try': 'country', 'relation-ship': 'relationship',
      'revo-lutionary': 'revolutionary', 'theo-retical': 'theoretical',
    },
    keep: ['Cambodia-Vietnam', 'well-organised', 'two-country', 'ASEAN-led', 'Sub-region', 'people-to-people', 'education-training', 'long-time', 'self-defense', 'new-restored'],
    frontMatter: {
      title: 'Cambodia-Vietnam friendship continues to develop well',
      author: 'Uch Leang',
      affiliation: 'Department of Asian, African and Middle East Studies of International Relation Institute of Cambodia',
      source: 'Cambodia-Vietnam friendship continues to develop well',
      kind: 'chapter',
    },
    removed: ['cellcard', 'Share', 'Supplied', 'shared solidarity', 'Related Posts', 'Previous Article', 'Next Article', 'Opacity in communication', 'US factor', 'Uch Leang', 'Department of Asian'],
    headings: [],
    doubtful: ['Sub-region', 'long-time'],
  },
  'priceless-common-asset': {
    bodyLines: [3, 5, ...range(9, 25)],
    join: {},
    keep: ['Vietnam-Cambodia', 'long-term', 'check-ups', 'Military-Civilian', 'pro-activeness'],
    frontMatter: {
      title: 'A priceless common asset of the two peoples',
      source_translator: 'Tran Hoai',
      source: 'A priceless common asset of the two peoples',
      kind: 'chapter',
    },
    removed: ['hand over medical equipment', 'Translated by', 'Tran Hoai'],
    headings: ['## Eternal relationship {#eternal-relationship}'],
    doubtful: ['check-ups', 'pro-activeness'],
  },
};

const HYPHENATED = /(?<![\p{L}\p{N}-])\p{L}+(?:-\p{L}+)+(?![\p{L}\p{N}-])/gu;

function count(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'gu'))?.length ?? 0;
}

function split(markdown: string): { front: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return { front: parseYaml(match[1] ?? '') as Record<string, string>, body: match[2] ?? '' };
}

for (const [name, seed] of Object.entries(SEEDS)) {
  describe(`import of seed ${name}`, () => {
    let input: string;
    let sourceBody: string;
    let article: ImportedArticle;
    let body: string;

    beforeAll(async () => {
      input = await readInput(name);
      const lines = input.split('\n');
      sourceBody = seed.bodyLines.map((n) => lines[n - 1] ?? '').join('\n');
      article = await importCase(name);
      body = split(article.markdown).body;
    });

    it('classifies every hyphenated word of the seed (exhaustive table)', () => {
      const found = new Set(input.match(HYPHENATED) ?? []);
      expect([...found].sort()).toEqual([...Object.keys(seed.join), ...seed.keep].sort());
    });

    it('joins every line-break hyphenation, everywhere it occurs', () => {
      for (const [broken, whole] of Object.entries(seed.join)) {
        expect(count(body, broken), broken).toBe(0);
        expect(count(body, whole), whole).toBe(count(sourceBody, whole) + count(sourceBody, broken));
      }
    });

    it('keeps every real compound', () => {
      for (const compound of seed.keep) expect(count(body, compound), compound).toBe(count(sourceBody, compound));
      expect(article.frontMatter.title).toBe(seed.frontMatter.title);
    });

    it('reports each doubtful keep for the editor, and nothing else as doubtful', () => {
      const kept = article.repairs.filter((r) => r.kind === 'kept').map((r) => r.before);
      expect(kept.sort()).toEqual([...seed.doubtful].sort());
    });

    it('moves the credits into front matter', () => {
      expect(split(article.markdown).front).toEqual(seed.frontMatter);
    });

    it('strips the site boilerplate and the credits from the text', () => {
      for (const text of seed.removed) expect(body, text).not.toContain(text);
      expect(article.markdown).not.toMatch(/cellcard|Share:|Supplied|Related Posts|Previous Article|Next Article/);
    });

    it('keeps every paragraph of the article, in order', () => {
      const paragraphs = body.split('\n\n').filter((p) => !p.startsWith('## ')).map((p) => p.trim());
      const firstWords = (text: string) => text.replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).slice(0, 6).join(' ');
      const sourceParagraphs = sourceBody.split('\n').filter((l) => l.trim() && !seed.headings.some((h) => h.includes(`## ${l.trim()} `)));
      expect(paragraphs.map(firstWords)).toEqual(sourceParagraphs.map((p) => firstWords(p.trim())));
    });

    it('normalises quotes, spaces and spaced hyphens', () => {
      expect(body).not.toMatch(/["']/);
      expect(body).not.toMatch(/ {2}|\u00a0|[ \t]$/m);
      expect(body).not.toMatch(/ - /);
      for (const paragraph of body.split('\n\n')) expect(paragraph.split('“').length, paragraph).toBe(paragraph.split('”').length);
      if (sourceBody.includes(' - ')) expect(body).toContain('Vietnam – Cambodia Border');
      if (sourceBody.includes("Cambodia's")) expect(body).toContain('Cambodia’s');
    });

    it('makes the flattened subheadings headings with ids', () => {
      expect(body.split('\n').filter((l) => l.startsWith('#'))).toEqual(seed.headings);
    });

    it('reports every repair against the source line that holds it', () => {
      const lines = input.split('\n');
      for (const repair of article.repairs) {
        expect(repair.line, repair.message).toBeGreaterThan(0);
        if (repair.kind === 'hyphenation' || repair.kind === 'kept') expect(lines[repair.line - 1], repair.message).toContain(repair.before);
        if (repair.kind === 'typography' && repair.before !== undefined && repair.before.trim() !== '') expect(lines[repair.line - 1], repair.message).toContain(repair.before.trim());
      }
      const joins = article.repairs.filter((r) => r.kind === 'hyphenation');
      expect(joins.length).toBe(Object.keys(seed.join).reduce((n, broken) => n + count(input, broken), 0));
    });
  });
}
