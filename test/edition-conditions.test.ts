import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../src/config/schema.js';
import { describeFaces, faceOfPostScriptName } from '../src/layout/edition-fonts.js';
import { editionPhrases } from '../src/layout/edition-phrases.js';
import { keptIn, printLayout, settleConditions } from '../src/layout/edition-view.js';
import { conditionOf, conditionProblems } from '../src/manuscript/condition.js';
import { parseDocument } from '../src/manuscript/parse-document.js';
import { parseMarkdown } from '../src/markdown/processor.js';

/** Conditions, faces and phrases on their own: the fast ring, no Chromium. */

const edition = (id: string, format: 'pdf' | 'epub', languages: string[], layout: 'columns' | 'interleaved' | 'facing' = 'columns'): Edition =>
  ({ id, format, layout, languages, trim: 'A5', press: false, khmerWordBreaks: true }) as Edition;

const TRILINGUAL = edition('trilingual-print', 'pdf', ['en', 'vi', 'km']);
const FACING = edition('en-vi-facing', 'pdf', ['en', 'vi'], 'facing');
const KM_EPUB = edition('km-epub', 'epub', ['km']);
const EN_VI_EPUB = edition('en-vi-epub', 'epub', ['en', 'vi']);

function blocks(markdown: string): RootContent[] {
  const tree: Root = parseMarkdown(new VFile({ path: 'x.md', value: markdown }), { bookDir: '/book', fileDir: '/book' });
  return tree.children;
}

function only(markdown: string): RootContent {
  const [first] = blocks(markdown);
  if (!first) throw new Error('no block');
  return first;
}

describe('which editions keep a conditional block', () => {
  const kept = (markdown: string) => [TRILINGUAL, FACING, KM_EPUB, EN_VI_EPUB].filter((e) => keptIn(conditionOf(only(markdown)) ?? { keep: 'only' }, e)).map((e) => e.id);

  it('matches `languages` against the edition’s language set exactly, in any order', () => {
    expect(kept(':::only{languages=vi,en}\nx\n:::')).toEqual(['en-vi-facing', 'en-vi-epub']);
    expect(kept(':::only{languages=km}\nx\n:::')).toEqual(['km-epub']);
    expect(kept(':::only{languages=en,km,vi}\nx\n:::')).toEqual(['trilingual-print']);
  });

  it('takes a comma list of formats, layouts or ids as alternatives, and every attribute together', () => {
    expect(kept(':::only{format=epub}\nx\n:::')).toEqual(['km-epub', 'en-vi-epub']);
    expect(kept(':::only{layout=facing,interleaved}\nx\n:::')).toEqual(['en-vi-facing']);
    expect(kept(':::only{id=km-epub,trilingual-print}\nx\n:::')).toEqual(['trilingual-print', 'km-epub']);
    expect(kept(':::only{format=epub languages=en,vi}\nx\n:::')).toEqual(['en-vi-epub']);
  });

  it('gives an EPUB no layout, so a layout condition never keeps a block in one', () => {
    expect(printLayout(KM_EPUB)).toBeUndefined();
    expect(kept(':::only{layout=columns}\nx\n:::')).toEqual(['trilingual-print']);
  });

  it('keeps an `except` block everywhere its condition does not match', () => {
    expect(kept(':::except{languages=km}\nx\n:::')).toEqual(['trilingual-print', 'en-vi-facing', 'en-vi-epub']);
  });
});

describe('settling a block for an edition', () => {
  it('gives a kept container’s content in its place, and nothing for another edition', () => {
    const block = only(':::only{languages=km}\nFirst.\n\nSecond.\n:::');
    expect(settleConditions(block, KM_EPUB).map((n) => toString(n))).toEqual(['First.', 'Second.']);
    expect(settleConditions(block, TRILINGUAL)).toEqual([]);
  });

  it('keeps or drops an inline phrase, and leaves the rest of the paragraph as written', () => {
    const block = only('The map :only[, printed here,]{format=pdf}shows :except[both]{languages=km}rivers.');
    expect(toString(settleConditions(block, FACING)[0])).toBe('The map , printed here,shows bothrivers.');
    expect(toString(settleConditions(block, KM_EPUB)[0])).toBe('The map shows rivers.');
  });

  it('returns the very node when it holds no condition, so its rendering stays cached', () => {
    const block = only('Plain text.');
    expect(settleConditions(block, TRILINGUAL)[0]).toBe(block);
  });
});

describe('condition attributes', () => {
  it('reports unknown attributes and values, and a condition that says nothing', () => {
    expect(conditionProblems(only(':::only{colour=red}\nx\n:::'))).toEqual([
      'Unexpected attribute `colour` on `only`: expected languages, format, layout, id, e.g. `:::only{languages=km}`',
      '`only` without a condition: expected at least one of languages, format, layout, id, e.g. `:::only{languages=en,vi}`',
    ]);
    expect(conditionProblems(only(':::except{format=docx}\nx\n:::'))).toEqual(['Unexpected format `docx` on `except`: expected one of pdf, epub']);
    expect(conditionProblems(only(':::only{languages=en,vi layout=facing}\nx\n:::'))).toEqual([]);
  });
});

describe('faces as the colophon names them', () => {
  it('reads family and style from a PDF font name, subset tag and all', () => {
    expect(faceOfPostScriptName('BAAAAA+NotoSerifKhmer-Bold')).toEqual({ family: 'Noto Serif Khmer', style: 'Bold' });
    expect(faceOfPostScriptName('NotoSerif-BoldItalic')).toEqual({ family: 'Noto Serif', style: 'Bold Italic' });
    expect(faceOfPostScriptName('DejaVuSans')).toEqual({ family: 'Deja Vu Sans', style: 'Regular' });
  });

  it('lists each family once with its faces in the usual order', () => {
    const names = ['CAAAAA+NotoSerif-Bold', 'AAAAAA+NotoSerif-Regular', 'BAAAAA+NotoSerifKhmer-Regular', 'FAAAAA+NotoSerifKhmer-Regular', 'DAAAAA+NotoSerif-Italic'];
    expect(describeFaces(names.map(faceOfPostScriptName))).toBe('Noto Serif (Regular, Italic, Bold), Noto Serif Khmer (Regular)');
  });
});

describe('edition phrases', () => {
  const sets = [['en'], ['vi'], ['km'], ['en', 'vi'], ['en', 'vi', 'km']];

  it('states every language set in each language, with that language’s own names', () => {
    expect(editionPhrases('en').editionStatement(['en'])).toBe('English edition');
    expect(editionPhrases('en').editionStatement(['en', 'vi'])).toBe('A bilingual edition in English and Vietnamese');
    expect(editionPhrases('vi').editionStatement(['en', 'vi', 'km'])).toBe('Ấn bản ba thứ tiếng: tiếng Anh, tiếng Việt và tiếng Khmer');
    expect(editionPhrases('km').editionStatement(['km'])).toBe('បោះពុម្ពជាភាសាខ្មែរ');
    expect(editionPhrases('km').editionStatement(['en', 'vi'])).toBe('បោះពុម្ពជាពីរភាសា៖ ភាសាអង់គ្លេស និងភាសាវៀតណាម');
  });

  it('never puts an English language name into a Vietnamese or Khmer sentence, nor Latin letters into a Khmer one', () => {
    for (const languages of sets) {
      for (const lang of ['vi', 'km']) {
        const say = editionPhrases(lang);
        for (const text of [say.editionStatement(languages), say.editionLanguages(languages)]) {
          expect(text).not.toMatch(/English|Vietnamese|(?<!tiếng )Khmer/);
          if (lang === 'km') expect(text).not.toMatch(/[A-Za-z]/);
        }
      }
    }
  });
});

describe('article credits in front matter', () => {
  it('reports a `published` that is not a date and a `url` that is not a web address, at their lines', () => {
    const text = '---\ntitle: An article\nauthor: Uch Leang\npublished: 7 January 2020\nurl: ftp://example.org/a\n---\n\nText.\n';
    const parsed = parseDocument({ bookDir: '/book', rel: 'manuscript/01-a.md', lang: 'en' }, new TextEncoder().encode(text));
    const found = parsed.diagnostics.filter((d) => d.ruleId === 'front-matter-type').map((d) => `${d.line}: ${d.message.split(':')[0]}`);
    expect(found).toEqual(['4: Unexpected date `7 January 2020` in `published`', '5: Unexpected address `ftp']);
  });

  it('accepts a year, a month or a day, and an https address', () => {
    for (const published of ['2020', '2020-01', '2020-01-07']) {
      const text = `---\ntitle: An article\npublished: ${published}\nurl: https://example.org/a?b=1\n---\n\nText.\n`;
      const parsed = parseDocument({ bookDir: '/book', rel: 'manuscript/01-a.md', lang: 'en' }, new TextEncoder().encode(text));
      expect(parsed.diagnostics.filter((d) => d.ruleId === 'front-matter-type')).toEqual([]);
      expect(parsed.document?.frontMatter.published).toBe(published);
    }
  });
});
