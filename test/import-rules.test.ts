import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chapterSlug, chapterTarget, decideHyphen, englishWords, extractCredits, importArticle, isCreditCaption, isPhotoCaption,
  isShareWidget, isSubheading, normaliseTypography, stripBoilerplate, wordsOf, writeChapter, type WordSet,
} from '../src/import/index.js';
import { parseMarkdown } from '../src/markdown/processor.js';

let dictionary: WordSet;
beforeAll(async () => {
  dictionary = await englishWords();
});

describe('hyphenation rule', () => {
  const decide = (token: string, text = '') => decideHyphen(token, dictionary, wordsOf([text]));

  it('uses a real English word list', () => {
    expect(dictionary.size).toBeGreaterThan(250_000);
    for (const word of ['leadership', 'between', 'procedures', 'theoretical', 'telecommunications']) expect(dictionary.has(word), word).toBe(true);
  });

  it.each([
    ['leader-ship', 'leadership'], ['be-tween', 'between'], ['proce-dures', 'procedures'], ['re-maining', 'remaining'],
    ['tele-communications', 'telecommunications'], ['theo-retical', 'theoretical'], ['Develop-ment', 'Development'],
    ['coun-tries', 'countries'], ['pro-motion', 'promotion'],
  ])('joins %s into a dictionary word', (token, joined) => {
    const decision = decide(token, `the ${joined.toLowerCase()}s`);
    if (token === 'pro-motion') {
      // "pro-" makes compounds, so a break after it is kept and reported, unless the text spells it whole.
      expect(decide(token)).toMatchObject({ action: 'keep', alternative: 'promotion' });
      expect(decide(token, 'a promotion')).toMatchObject({ action: 'join', joined });
      return;
    }
    expect(decision).toMatchObject({ action: 'join', joined });
  });

  it('joins proper nouns only when the text spells them whole elsewhere', () => {
    expect(decide('Vi-etnam')).toMatchObject({ action: 'keep' });
    expect(decide('Vi-etnam', 'Vietnam and Cambodia')).toMatchObject({ action: 'join', joined: 'Vietnam' });
    expect(decide('Cambo-dian', 'the Cambodian people')).toMatchObject({ action: 'join', joined: 'Cambodian' });
    expect(decide('Cambo-dians', 'a Cambodian')).toMatchObject({ action: 'join', joined: 'Cambodians' });
  });

  it('strips common suffixes to find the dictionary form', () => {
    expect(dictionary.has('theoreticalness')).toBe(false);
    expect(decide('theo-reticalness')).toMatchObject({ action: 'join', joined: 'theoreticalness', reason: expect.stringContaining('"theoretical" + -ness') });
    expect(decide('new-restoredness')).toMatchObject({ action: 'keep' });
  });

  it.each(['Cambodia-Vietnam', 'Military-Civilian', 'long-term', 'self-defense', 'people-to-people', 'education-training', 'well-organised', 'ASEAN-led', 'new-restored', 'two-country', 'e-mail'])(
    'keeps the compound %s',
    (token) => expect(decide(token, 'Cambodia Vietnam people')).toMatchObject({ action: 'keep' }),
  );

  it.each([['check-ups', 'checkups'], ['Sub-region', 'Subregion'], ['long-time', 'longtime'], ['pro-activeness', 'proactiveness'], ['follow-up', 'followup'], ['world-wide', 'worldwide']])(
    'keeps %s, whose parts commonly compound, and offers %s',
    (token, alternative) => expect(decide(token)).toEqual(expect.objectContaining({ action: 'keep', alternative })),
  );
});

describe('boilerplate and captions', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

  it('recognises share widgets, not sentences about sharing', () => {
    expect(isShareWidget('Share:')).toBe(true);
    expect(isShareWidget('Share on Facebook | Tweet | Email')).toBe(true);
    expect(isShareWidget('Share the burden.')).toBe(false);
  });

  it('recognises credited captions, not sentences', () => {
    expect(isCreditCaption('Cambodia and Vietnam - shared solidarity. Supplied')).toBe(true);
    expect(isCreditCaption('Leaders meet in Hanoi. (Photo: VNA)')).toBe(true);
    expect(isCreditCaption('The ministry supplied the figures to the press, which printed them without comment and then went on to other matters.')).toBe(false);
  });

  it('recognises a photo description with its date, not narration', () => {
    expect(isPhotoCaption('The Vietnamese Government and people hand over medical equipment to help the Cambodian Government and people cope with the COVID-19 pandemic on May 20, 2021.')).toBe(true);
    expect(isPhotoCaption('Vietnam and Cambodia established diplomatic relations on June 24, 1967.')).toBe(false);
    expect(isPhotoCaption('Leaders of the two countries meet in Phnom Penh. They sign an agreement on May 20, 2021.')).toBe(false);
  });

  it('drops a one-word repetition, the link lists and what follows them', () => {
    const result = stripBoilerplate(lines('cellcard cellcard cellcard', '', 'Text.', '', 'Previous Article', '', 'Another story', 'Next Article', 'More'));
    expect(result.lines.map((l) => l.text)).toEqual(['', 'Text.', '']);
    expect(result.repairs.map((r) => r.line)).toEqual([1, 5]);
    expect(result.repairs[1]?.message).toContain('lines 5–9');
  });

  it('keeps a lone caption-like line that is not alone between blank lines', () => {
    const caption = 'The minister visits a school in Kampot on May 2, 2021.';
    expect(stripBoilerplate(lines('', caption, '')).lines.filter((l) => l.text)).toHaveLength(0);
    expect(stripBoilerplate(lines('Intro.', caption, '')).lines.filter((l) => l.text)).toHaveLength(2);
  });
});

describe('credits', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

  it('finds a "By" byline, a translator credit in any common wording, and an affiliation', () => {
    const result = extractCredits(lines('A headline', 'By Nguyen Thi Minh Khai', 'Text.', 'Nguyen Thi Minh Khai – Institute of Something', 'Translated from Vietnamese by Le Van A.'));
    expect(result.credits).toEqual({ title: 'A headline', author: 'Nguyen Thi Minh Khai', affiliation: 'Institute of Something', translator: 'Le Van A' });
    expect(result.creditLines).toEqual({ title: 1, author: 2, affiliation: 4, translator: 5 });
    expect(result.body.map((l) => l.text)).toEqual(['Text.']);
  });

  it('leaves a sentence after the headline in the text', () => {
    const result = extractCredits(lines('A headline', 'By the river, the two armies met.', 'Uch Leang said so, and left.'));
    expect(result.credits).toEqual({ title: 'A headline' });
    expect(result.body).toHaveLength(2);
  });
});

describe('typography', () => {
  it('collapses spaces, trims, and reports each repair', () => {
    const result = normaliseTypography('  has\u00a0 improved  steadily.\u00a0', 4);
    expect(result.text).toBe('has improved steadily.');
    expect(result.repairs.map((r) => `${r.line}: ${r.message}`)).toEqual([
      '4: removed leading whitespace',
      '4: removed trailing whitespace (a non-breaking space)',
      '4: collapsed 2 spaces (with a non-breaking space) into one: "has␣␣improved steadily."',
      '4: collapsed 2 spaces into one: "has improved␣␣steadily."',
    ]);
  });

  it('turns spaced hyphens into en dashes, leaves compounds and ranges', () => {
    expect(normaliseTypography('Vietnam - Cambodia, long-term, $30-70, 07-01-1979 - 07-01-2020', 1).text).toBe('Vietnam – Cambodia, long-term, $30-70, 07-01-1979 – 07-01-2020');
  });

  it('curls straight quotes and keeps curly ones', () => {
    const result = normaliseTypography(`Cambodia's "good neighborliness," the two countries' "motto." and “already”`, 1);
    expect(result.text).toBe('Cambodia’s “good neighborliness,” the two countries’ “motto.” and “already”');
    expect(result.repairs).toHaveLength(6);
  });
});

describe('subheadings', () => {
  it('takes a short unpunctuated line for a heading, not a sentence or a long line', () => {
    expect(isSubheading('Eternal relationship')).toBe(true);
    expect(isSubheading('The border in 1985')).toBe(true);
    expect(isSubheading('It ended.')).toBe(false);
    expect(isSubheading('lower case start')).toBe(false);
    expect(isSubheading('A line of far too many words to be anything but a paragraph of the text itself')).toBe(false);
  });
});

describe('the written chapter', () => {
  it('escapes captured text that would otherwise be markup', async () => {
    const hostile = ['A headline', '', 'By Jane Doe', '', '<script>alert(1)</script> and *stars* and [a link](http://x) and :name{x=1}.', '', '# Not a heading but a hash.', '', '1. Not a list item but a year.', '', '| not | a table |', '', 'Last words.'];
    const article = importArticle(hostile.join('\n'), 'hostile.txt', dictionary);
    if ('error' in article) throw new Error(article.error.message);
    const file = new VFile({ path: 'x.md', value: article.markdown });
    const tree = parseMarkdown(file, { bookDir: os.tmpdir(), fileDir: os.tmpdir() });
    const blocks = tree.children.filter((node) => node.type !== 'yaml');
    expect(blocks.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(blocks.map((node) => toString(node))).toEqual(article.blocks.map((b) => b.text));
    expect(file.messages).toEqual([]);
  });

  it('refuses an article without a headline, with its line', () => {
    const result = importArticle('\n\nThis is the first sentence. It is long, and it ends with a period.\n', 'x.txt', dictionary);
    expect(result).toMatchObject({ error: { file: 'x.txt', line: 3, ruleId: 'import-headline' } });
  });

  it('names the file NN-slug.md after the last chapter, before the back matter', async () => {
    expect(chapterSlug('A priceless common asset of the two peoples')).toBe('priceless-common-asset-two-peoples');
    expect(chapterSlug('Cambodia-Vietnam friendship continues to develop well')).toBe('cambodia-vietnam-friendship-continues');
    expect(chapterSlug('Tình hữu nghị Việt Nam')).toBe('tinh-huu-nghi-viet-nam');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-import-'));
    expect(await chapterTarget(path.join(dir, 'none'), 'x')).toEqual({ file: path.join(dir, 'none', '01-x.md'), exists: false });
    for (const name of ['00-title.md', '01-foreword.md', '03-asset.md', '99-colophon.md']) await writeFile(path.join(dir, name), '');
    expect(await chapterTarget(dir, 'new-one')).toEqual({ file: path.join(dir, '04-new-one.md'), exists: false });
    expect(await chapterTarget(dir, 'asset')).toEqual({ file: path.join(dir, '03-asset.md'), exists: true });
  });

  it('never replaces an existing file unless forced', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pp-import-'));
    const file = path.join(dir, 'sub', '01-x.md');
    await writeChapter(file, 'first', false);
    await expect(writeChapter(file, 'second', false)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('first');
    await writeChapter(file, 'third', true);
    expect(await readFile(file, 'utf8')).toBe('third');
  });
});
