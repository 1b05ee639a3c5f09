import { toString } from 'mdast-util-to-string';
import { loadConfig } from '../../src/config/load.js';
import { loadBook } from '../../src/manuscript/load.js';
import { withDigits } from '../../src/text/numerals.js';

export interface ExpectedText {
  kind: 'title' | 'heading' | 'block';
  /** The `kind` of the chapter it is in: a `title` chapter's words are on the title page, not in columns. */
  chapterKind: string;
  lang: string;
  place: string;
  text: string;
  /** Inside `:::only{languages=…}` / `:::except{languages=…}`: the language set it names, sorted. */
  condition?: { keep: 'only' | 'except'; languages: string };
}

/** Whether an edition of these languages shows the text (a language condition is the exact set). */
export function shownIn(item: ExpectedText, languages: readonly string[]): boolean {
  if (!item.condition) return true;
  const matches = item.condition.languages === [...languages].sort().join(',');
  return item.condition.keep === 'only' ? matches : !matches;
}

/**
 * Every paragraph, heading and title of the manuscript per language, straight from the markdown
 * (not from the layout code under test), NFC. Directives are left out: the book fills them in.
 * Numbers are expected in the digits book.yaml's `numerals` chooses for the language (the markdown
 * keeps the Latin digits the translator typed; print and EPUB show the language's own).
 */
export async function manuscriptTexts(bookDir: string): Promise<ExpectedText[]> {
  const config = await loadConfig(bookDir);
  const book = await loadBook(bookDir, config);
  const out: ExpectedText[] = [];
  const shown = (lang: string, text: string) => {
    const digits = config.numerals[lang]?.digits;
    return digits && digits !== 'latin' ? withDigits(text, digits) : text;
  };
  for (const chapter of book.chapters) {
    for (const [lang, doc] of Object.entries(chapter.documents)) {
      if (!doc) continue;
      if (doc.frontMatter.title) out.push({ kind: 'title', chapterKind: chapter.kind, lang, place: `${doc.path} title`, text: shown(lang, String(doc.frontMatter.title)) });
      for (const section of doc.sections) {
        if (section.heading) out.push({ kind: 'heading', chapterKind: chapter.kind, lang, place: `${doc.path}:${section.heading.position?.start.line}`, text: shown(lang, toString(section.heading)) });
        for (const block of section.blocks) {
          if (block.untranslated || block.node.type === 'leafDirective') continue;
          const text = toString(block.node, { includeImageAlt: false });
          const node = block.node;
          const named = node.type === 'containerDirective' && (node.name === 'only' || node.name === 'except') ? node.attributes?.languages : undefined;
          const condition = node.type === 'containerDirective' && named ? { keep: node.name as 'only' | 'except', languages: named.split(',').map((l) => l.trim()).sort().join(',') } : undefined;
          if (text.trim()) out.push({ kind: 'block', chapterKind: chapter.kind, lang, place: `${doc.path}:${block.node.position?.start.line}`, text: shown(lang, text.normalize('NFC')), ...(condition ? { condition } : {}) });
        }
      }
    }
  }
  return out;
}
