import type { Diagnostic } from '../diagnostics/index.js';
import { toString } from 'mdast-util-to-string';
import { blockState, blockText } from '../manuscript/block-state.js';
import { describeSection, formatLocation, placeOfFrontMatter, placeOfNode, translationPairs, type LintRule } from './rule.js';
import { sectionById } from '../manuscript/section-index.js';
import { boundedSegments } from '../text/segments.js';

const words = new Intl.Segmenter('en', { granularity: 'word' });
const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Code is the same in every language; so are tables of figures and names (checked by wording). */
const LANGUAGE_NEUTRAL = new Set(['code', 'math', 'thematicBreak', 'leafDirective']);

/**
 * `identical-to-source` (warning): a translated block, heading or title whose text is the English
 * one, most likely pasted and not yet translated. Names, numbers and short captions legitimately
 * stay the same, so only text that reads as prose counts: a lowercase word, or four words or more.
 */
export const identicalToSource: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  for (const { source, translation } of translationPairs(book)) {
    const report = (place: ReturnType<typeof placeOfNode>, related: ReturnType<typeof placeOfNode>, what: string) =>
      diagnostics.push({
        ...place,
        severity: 'warning',
        ruleId: 'identical-to-source',
        message: `${what} of ${translation.path} is identical to the English at ${formatLocation(related)}: expected a ${translation.lang} translation (or \`:::untranslated\` until there is one)`,
        related,
      });
    const sourceTitle = source.frontMatter.title;
    if (typeof sourceTitle === 'string' && sameProse(sourceTitle, translation.frontMatter.title)) {
      report(placeOfFrontMatter(translation, 'title'), placeOfFrontMatter(source, 'title'), 'The title');
    }
    for (const section of translation.sections) {
      const twin = sectionById(source, section.id);
      if (!twin) continue;
      if (section.heading && twin.heading && sameProse(toString(twin.heading), toString(section.heading))) {
        report(placeOfNode(translation, section.heading), placeOfNode(source, twin.heading), `The heading of section ${describeSection(section)}`);
      }
      section.blocks.forEach((block, index) => {
        const english = twin.blocks[index];
        if (!english || blockState(block) !== 'translated' || LANGUAGE_NEUTRAL.has(block.node.type)) return;
        if (sameProse(blockText(english.node), blockText(block.node))) {
          report(placeOfNode(translation, block.node), placeOfNode(source, english.node), `Block ${index + 1} of section ${describeSection(section)}`);
        }
      });
    }
  }
  return diagnostics;
};

function sameProse(english: string, translated: unknown): boolean {
  if (typeof translated !== 'string') return false;
  const a = comparable(english);
  return a === comparable(translated) && readsAsProse(a);
}

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function readsAsProse(text: string): boolean {
  let count = 0;
  for (const { segment, isWordLike } of boundedSegments(words, text)) {
    if (!isWordLike) continue;
    if (++count >= 4 || /^\p{Ll}{2,}$/u.test(segment) || FUNCTION_WORDS.has(segment.toLowerCase())) return true;
  }
  return false;
}
