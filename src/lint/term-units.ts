import type { Node } from 'unist';
import type { Place } from '../diagnostics/index.js';
import { sourceOf } from '../manuscript/fingerprint.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import { placeOfFrontMatter, translationPairs, type TranslationPair } from './rule.js';
import type { Book } from '../manuscript/model.js';

/** Some text of one file, and how to find the place of an offset in it. */
export interface TextSpan {
  text: string;
  placeAt: (offset: number) => Place;
}

/** One aligned unit: the English and its translation (undefined where there is none to read). */
export interface AlignedText {
  pair: TranslationPair;
  english: TextSpan | undefined;
  translation: TextSpan | undefined;
}

/** Titles, headings and blocks of every (English, translation) pair, aligned, as markdown text. */
export function alignedTexts(book: Book): AlignedText[] {
  const out: AlignedText[] = [];
  for (const pair of translationPairs(book)) {
    const { chapter, lang, source, translation } = pair;
    for (const key of ['title', 'subtitle']) {
      out.push({ pair, english: frontMatterSpan(source, key), translation: frontMatterSpan(translation, key) });
    }
    for (const section of chapter.sections) {
      out.push({ pair, english: nodeSpan(source, section.headings[book.sourceLang]), translation: nodeSpan(translation, section.headings[lang]) });
      for (const row of section.rows) {
        const target = row.cells[lang];
        out.push({
          pair,
          english: nodeSpan(source, row.cells[book.sourceLang]?.node),
          translation: target && !target.untranslated ? nodeSpan(translation, target.node) : undefined,
        });
      }
    }
  }
  return out;
}

function nodeSpan(doc: ManuscriptDocument, node: Node | undefined): TextSpan | undefined {
  const start = node?.position?.start;
  if (!node || !start) return undefined;
  const text = sourceOf(String(doc.file.value), node);
  return {
    text,
    placeAt: (offset) => {
      const before = text.slice(0, offset);
      const lastBreak = before.lastIndexOf('\n');
      const lines = before.split('\n').length - 1;
      return { file: doc.path, line: start.line + lines, column: lastBreak < 0 ? start.column + offset : offset - lastBreak };
    },
  };
}

function frontMatterSpan(doc: ManuscriptDocument, key: string): TextSpan | undefined {
  const value = doc.frontMatter[key];
  if (typeof value !== 'string' || value === '') return undefined;
  const place = placeOfFrontMatter(doc, key);
  return { text: value.normalize('NFC'), placeAt: () => place };
}
