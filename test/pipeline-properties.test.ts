import fc from 'fast-check';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { bookSchema, isPdfEdition, resolveEditions } from '../src/config/schema.js';
import { layoutOf } from '../src/pipeline/layouts.js';
import { editionContext } from '../src/layout/edition-view.js';
import { lintBook } from '../src/lint/index.js';
import { alignChapter } from '../src/manuscript/align.js';
import type { Book, ManuscriptDocument } from '../src/manuscript/model.js';
import { parseDocument } from '../src/manuscript/parse-document.js';
import { TEMPLATES_DIR } from '../src/paths.js';
import { nonEmpty } from './helpers/non-empty.js';

/**
 * Random trilingual chapters (Vietnamese marks in NFD, Khmer coeng stacks, emoji with ZWJ and
 * skin tones, RTL and bidi controls, markdown punctuation) through parse → align → layout → HTML:
 * nothing throws, and every text node a language's markdown parsed into appears in that
 * language's cells of the HTML, in NFC, with its unique token exactly once in the whole page.
 */
const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const englishWord = fc.stringMatching(/^[A-Za-z]{1,9}$/);
const vietnameseWord = fc
  .tuple(pick(['ng', 'tr', 'đ', 'Đ', 'kh', 'qu', 'gi', 'b', 'm', '']), pick([...'aăâeêioôơuưy']), fc.array(pick(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']), { maxLength: 1 }), pick(['', 'n', 'ng', 'c', 't', 'nh']))
  .map(([onset, vowel, marks, coda]) => `${onset}${vowel}${marks.join('')}${coda}`);
const khmerWord = fc
  .tuple(pick([...'កខគងចឆជញដតថទនបពមយរលវសហអ']), fc.option(pick([...'ក្រ្ត្ន្ម្ល'].filter((c) => c !== '្').map((c) => `\u17d2${c}`))), fc.option(pick(['\u17b6', '\u17b7', '\u17c1', '\u17c4', '\u17bb'])), fc.option(pick(['\u17c6', '\u17cb'])))
  .map(([consonant, subscript, vowel, sign]) => `${consonant}${subscript ?? ''}${vowel ?? ''}${sign ?? ''}`);
const extra = pick(['😀', '👨\u200d👩\u200d👧', '👍🏽', '🇻🇳', '\u200f', '\u200e', '\u202b', '\u202c', 'أ', '«', '»', '—', '&', '*', '_', '~', '`', '\\', '<', '>', '[', ']', '(', ')', '!', '#', '1.', '-', ':']);
const WORDS: Record<string, fc.Arbitrary<string>> = { en: englishWord, vi: vietnameseWord, km: khmerWord };

/** A run of words in one language with a unique token, so duplicates and losses can be counted. */
const text = (lang: string, token: string) =>
  fc.array(fc.oneof({ weight: 5, arbitrary: WORDS[lang] ?? englishWord }, { weight: 1, arbitrary: extra }), { minLength: 1, maxLength: 8 }).map((words) => `${token} ${words.join(' ')}`);
const inline = (lang: string, token: string) =>
  fc.tuple(text(lang, token), pick(['', '*', '**', '_'])).map(([run, mark]) => (mark ? `${mark}${run}${mark}` : run));

/** A chapter shape: sections (the first may be the lead) of 1–3 blocks, each of a kind. */
const shape = fc.array(fc.array(pick(['p', 'list', 'quote']), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

function chapterIn(lang: string, sections: string[][]): fc.Arbitrary<string> {
  let n = 0;
  const token = () => `tok${lang}${n++}x`;
  const parts: fc.Arbitrary<string>[] = [fc.constant('---\ntitle: T\n---\n')];
  sections.forEach((kinds, index) => {
    if (index > 0) parts.push(inline(lang, token()).map((heading) => `## ${heading.replace(/[#{}]/g, '')} {#s-${index}}\n`));
    for (const kind of kinds) {
      const run = inline(lang, token());
      parts.push(kind === 'list' ? fc.tuple(run, inline(lang, token())).map(([a, b]) => `- ${a}\n- ${b}\n`) : kind === 'quote' ? run.map((r) => `> ${r}\n`) : run.map((r) => `${r}\n`));
    }
  });
  return fc.tuple(...parts).map((pieces) => pieces.join('\n'));
}

const book = shape.chain((sections) => fc.record({ en: chapterIn('en', sections), vi: chapterIn('vi', sections), km: chapterIn('km', sections) }));

const config = bookSchema.parse({
  title: { en: 'P', vi: 'P', km: 'P' },
  identifier: 'urn:uuid:00000000-0000-4000-8000-000000000001',
  description: 'Property test book.',
  languages: ['en', 'vi', 'km'],
  editions: [
    { id: 'columns', format: 'pdf', layout: 'columns' },
    { id: 'interleaved', format: 'pdf', layout: 'interleaved' },
  ],
});

function parse(lang: string, markdown: string): ManuscriptDocument {
  const rel = lang === 'en' ? 'manuscript/01-x.md' : `translations/${lang}/01-x.md`;
  const parsed = parseDocument({ bookDir: '/nonexistent/book', rel, lang }, new TextEncoder().encode(markdown));
  if (!parsed.document) throw new Error(`did not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.document;
}

/** The text nodes of a document's headings and blocks, as the property's ground truth. */
function textNodes(doc: ManuscriptDocument): string[] {
  const values: string[] = [];
  const root: MdastRoot = { type: 'root', children: doc.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.blocks.map((b) => b.node)]) };
  visit(root, 'text', (node) => void values.push(node.value));
  return values;
}

/** The text of every element whose nearest `lang` is `lang`, whitespace removed. */
function textOf(tree: HastRoot, lang: string): string {
  let out = '';
  const walk = (node: HastRoot | Element, current: string | undefined) => {
    for (const child of node.children) {
      if (child.type === 'text' && current === lang) out += child.value;
      if (child.type === 'element') walk(child, typeof child.properties.lang === 'string' ? child.properties.lang : current);
    }
  };
  walk(tree, undefined);
  return squeeze(out);
}

const squeeze = (value: string) => value.replace(/[\s\u00ad\u200b]+/g, '');

describe('parse → align → layout → HTML, on random trilingual chapters', () => {
  it('never throws, loses or duplicates a text node, and writes NFC', () => {
    fc.assert(
      fc.property(book, (markdown) => {
        const docs = Object.fromEntries(Object.entries(markdown).map(([lang, text]) => [lang, parse(lang, text)])) as Record<'en' | 'vi' | 'km', ManuscriptDocument>;
        const chapter = alignChapter(docs.en, { vi: docs.vi, km: docs.km });
        const model: Book = { dir: '/nonexistent/book', config, sourceLang: 'en', chapters: [chapter], diagnostics: [] };
        lintBook(model);
        for (const edition of nonEmpty(resolveEditions(config).filter(isPdfEdition), 'PDF editions')) {
          const html = toHtml(layoutOf(edition).document({ edition, context: editionContext(model, edition, new Date(0)), templatesDir: TEMPLATES_DIR }));
          expect(html.normalize('NFC')).toBe(html);
          const tree = fromHtml(html);
          for (const lang of ['en', 'vi', 'km'] as const) {
            const region = textOf(tree, lang);
            for (const value of textNodes(docs[lang])) expect(region, `${lang} ${edition.id}`).toContain(squeeze(value.normalize('NFC')));
            for (const token of region.match(new RegExp(`tok${lang}\\d+x`, 'g')) ?? []) expect(html.split(token).length - 1, token).toBe(1);
            const tokens = markdown[lang].match(new RegExp(`tok${lang}\\d+x`, 'g')) ?? [];
            for (const token of tokens) expect(region.includes(token), `${token} in ${lang}`).toBe(true);
          }
        }
      }),
      { numRuns: 60, seed: Number(process.env.FC_SEED ?? 20261201) },
    );
  }, 60_000);
});
