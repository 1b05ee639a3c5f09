import { isShareWidget } from './boilerplate.js';
import { excerpt, type Repair, type SourceLine } from './repairs.js';

/** The credits of an article, which belong in the chapter's front matter rather than its text. */
export interface Credits {
  title?: string;
  author?: string;
  affiliation?: string;
  translator?: string;
}

/** The source line each credit was taken from. */
export type CreditLines = { [K in keyof Credits]?: number };

/** A person's name: two to five capitalised words ("Uch Leang", "Nguyen Thi Minh Khai"). */
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|bin|binti)){1,4}$/u;
/** "Uch Leang / Share:" — a byline with the site's share widget after it. */
const BYLINE_WITH_WIDGET = /^(.+?)\s*[/|·•]\s*(.+)$/;
const BYLINE_BY = /^By\s+(.+?)\.?$/;
const TRANSLATOR = /^(?:Translated|Translation)(?:\s+from\s+\p{L}+)?(?:\s+(?:in)?to\s+\p{L}+)?\s+by\s+(.+?)\.?$/iu;
/** A headline is short and is not a sentence. */
const HEADLINE_WORDS = 25;

/**
 * Takes the headline (first line), the byline (next line), and at the end a translator credit
 * and the author's affiliation line ("Uch Leang: Department of …") out of the text.
 * `lines` holds non-blank lines only, one paragraph each.
 */
export function extractCredits(lines: readonly SourceLine[]): { credits: Credits; creditLines: CreditLines; body: SourceLine[]; repairs: Repair[] } {
  const credits: Credits = {};
  const creditLines: CreditLines = {};
  const repairs: Repair[] = [];
  const body = [...lines];

  const first = body[0];
  if (first && isHeadline(first.text)) {
    credits.title = first.text.trim();
    creditLines.title = first.line;
    repairs.push({ line: first.line, kind: 'credit', message: `moved headline to front matter: title: ${credits.title}` });
    body.shift();
  }

  const byline = body[0] ? readByline(body[0].text.trim()) : undefined;
  if (byline && body[0]) {
    credits.author = byline.author;
    creditLines.author = body[0].line;
    const widget = byline.widget ? ` (and removed the share widget "${byline.widget}")` : '';
    repairs.push({ line: body[0].line, kind: 'credit', message: `moved byline to front matter: author: ${byline.author}${widget}` });
    body.shift();
  }

  // The end credits come in either order; look at the last two lines.
  for (let round = 0; round < 2; round++) {
    const last = body.at(-1);
    if (!last) break;
    const text = last.text.trim();
    const translator = TRANSLATOR.exec(text)?.[1];
    const affiliation = credits.author !== undefined && credits.affiliation === undefined ? readAffiliation(text, credits.author) : undefined;
    if (translator !== undefined && credits.translator === undefined) {
      credits.translator = translator.trim();
      creditLines.translator = last.line;
      repairs.push({ line: last.line, kind: 'credit', message: `moved translator credit to front matter: source_translator: ${credits.translator}` });
    } else if (affiliation !== undefined) {
      credits.affiliation = affiliation;
      creditLines.affiliation = last.line;
      repairs.push({ line: last.line, kind: 'credit', message: `moved the author's affiliation to front matter: affiliation: ${excerpt(affiliation, 70)}` });
    } else {
      break;
    }
    body.pop();
  }
  return { credits, creditLines, body, repairs };
}

function isHeadline(text: string): boolean {
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).length;
  return trimmed !== '' && words <= HEADLINE_WORDS && !/[.,;:]$/.test(trimmed);
}

function readByline(text: string): { author: string; widget?: string } | undefined {
  const withWidget = BYLINE_WITH_WIDGET.exec(text);
  if (withWidget?.[1] && withWidget[2] && isShareWidget(withWidget[2])) {
    const author = withWidget[1].replace(/^By\s+/, '');
    if (NAME.test(author)) return { author, widget: text.slice(withWidget[1].length).trim() };
  }
  const by = BYLINE_BY.exec(text)?.[1];
  if (by !== undefined && NAME.test(by)) return { author: by };
  return undefined;
}

/** "Uch Leang: Department of …" (or "Uch Leang – …") closing an article by Uch Leang. */
function readAffiliation(text: string, author: string): string | undefined {
  if (!text.toLowerCase().startsWith(author.toLowerCase())) return undefined;
  const rest = /^\s*[:–—]\s*(.+)$/u.exec(text.slice(author.length))?.[1];
  return rest !== undefined && rest.split(/\s+/).length <= 40 ? rest.replace(/\.$/, '').trim() : undefined;
}
