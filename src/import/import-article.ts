import type { Diagnostic } from '../diagnostics/index.js';
import { stripBoilerplate } from './boilerplate.js';
import { chapterFrontMatter, chapterMarkdown } from './chapter-markdown.js';
import { extractCredits, type Credits } from './credits.js';
import { detectHeadings } from './headings.js';
import { repairHyphenation, type WordSet } from './hyphenation.js';
import type { BodyBlock, Repair, SourceLine } from './repairs.js';
import { normaliseTypography } from './typography.js';

export interface ImportedArticle {
  credits: Credits;
  frontMatter: Record<string, string>;
  blocks: BodyBlock[];
  /** Every repair, in source line order: what an editor reviews. */
  repairs: Repair[];
  markdown: string;
}

/**
 * A raw captured article (NFC text, one paragraph per line) → a manuscript chapter:
 * boilerplate → credits → hyphenation → typography → subheadings → markdown.
 * Pure apart from the dictionary it is given; `file` only names the source in diagnostics.
 */
export function importArticle(text: string, file: string, dictionary: WordSet): ImportedArticle | { error: Diagnostic } {
  const lines: SourceLine[] = text.split('\n').map((value, index) => ({ line: index + 1, text: value }));
  const stripped = stripBoilerplate(lines);
  const paragraphs = stripped.lines.filter((l) => l.text.trim() !== '');
  const { credits, creditLines, body, repairs: creditRepairs } = extractCredits(paragraphs);
  if (credits.title === undefined || creditLines.title === undefined) return { error: noHeadline(file, paragraphs[0]) };

  const hyphenated = repairHyphenation([{ line: creditLines.title, text: credits.title }, ...body], dictionary);
  const repairs: Repair[] = [...stripped.repairs, ...creditRepairs, ...hyphenated.repairs];
  const typeset = (source: SourceLine): SourceLine => {
    const result = normaliseTypography(source.text, source.line);
    repairs.push(...result.repairs);
    return { line: source.line, text: result.text };
  };
  const [title, ...bodyLines] = hyphenated.lines.map(typeset);
  const typesetCredits: Credits = { ...credits, title: title?.text ?? credits.title };
  for (const key of ['author', 'affiliation', 'translator'] as const) {
    const value = credits[key];
    const line = creditLines[key];
    if (value !== undefined && line !== undefined) typesetCredits[key] = typeset({ line, text: value }).text;
  }
  const headings = detectHeadings(bodyLines);
  repairs.push(...headings.repairs);
  const frontMatter = chapterFrontMatter(typesetCredits);
  return {
    credits: typesetCredits,
    frontMatter,
    blocks: headings.blocks,
    repairs: inLineOrder(repairs),
    markdown: chapterMarkdown(frontMatter, headings.blocks),
  };
}

function noHeadline(file: string, first: SourceLine | undefined): Diagnostic {
  return {
    file,
    line: first?.line ?? 1,
    column: 1,
    severity: 'error',
    ruleId: 'import-headline',
    message: first
      ? `Expected the article's headline on its first line (at most 25 words, no final period), found "${first.text.trim().slice(0, 60)}": put the headline first`
      : 'Expected an article, found no text: the file is empty or holds only site boilerplate',
  };
}

/** Stable sort by line: within a line, repairs stay in the order the stages made them. */
function inLineOrder(repairs: Repair[]): Repair[] {
  return repairs
    .map((repair, order) => ({ repair, order }))
    .sort((a, b) => a.repair.line - b.repair.line || a.order - b.order)
    .map((entry) => entry.repair);
}
