import { isCreditCaption, isPhotoCaption } from './captions.js';
import { excerpt, type Repair, type SourceLine } from './repairs.js';

/** A heading of the site's link lists: the article is over where one starts. */
const TAIL_MARKER = /^(?:related (?:posts|articles|stories|news)|(?:previous|next) (?:article|post|story)|read (?:more|also)|you (?:may|might) also like|more from [\p{L} ]{1,40})\s*:?$/iu;

/** A brand name repeated on one line (`cellcard cellcard cellcard`): an advertisement's alt texts. */
const REPEATED_WORD = /^(\p{L}[\p{L}\p{N}]*)(?:\s+\1)+$/iu;

const SHARE_WORDS = new Set(['share', 'this', 'article', 'story', 'on', 'via', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'email', 'e', 'mail', 'print', 'tweet', 'copy', 'link', 'pinterest', 'reddit', 'messenger']);

/** A line made only of share-widget words (`Share:`, `Share on Facebook | Tweet`). */
export function isShareWidget(text: string): boolean {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.length > 0 && words.length <= 12 && words.every((w) => SHARE_WORDS.has(w)) && words.some((w) => w === 'share' || w === 'tweet');
}

/**
 * Removes what the website put around the article: brand repetitions, share widgets, image
 * captions, and the link lists from "Related Posts" / "Previous Article" / "Next Article" to the end.
 * Blank lines stay: the caption rule needs to know what stands alone.
 */
export function stripBoilerplate(lines: readonly SourceLine[]): { lines: SourceLine[]; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const tail = lines.findIndex((l) => TAIL_MARKER.test(l.text.trim()));
  const kept = tail === -1 ? lines : lines.slice(0, tail);
  const out: SourceLine[] = [];
  kept.forEach((source, index) => {
    const text = source.text.trim();
    const standsAlone = (kept[index - 1]?.text.trim() ?? '') === '' && (kept[index + 1]?.text.trim() ?? '') === '';
    let reason: string | undefined;
    let kind: Repair['kind'] = 'boilerplate';
    if (REPEATED_WORD.test(text)) reason = 'repeated brand word';
    else if (isShareWidget(text)) reason = 'share widget';
    else if (isCreditCaption(text)) [reason, kind] = ['image caption', 'caption'];
    else if (standsAlone && isPhotoCaption(text)) [reason, kind] = ['photo caption (a one-sentence description of a photo and its date)', 'caption'];
    if (reason === undefined) {
      out.push(source);
      return;
    }
    repairs.push({ line: source.line, kind, message: `removed ${reason}: "${excerpt(text, 80)}"`, before: text, after: '' });
  });
  if (tail !== -1) {
    const removed = lines.slice(tail).filter((l) => l.text.trim() !== '');
    const first = lines[tail] as SourceLine;
    const last = removed.at(-1) ?? first;
    repairs.push({
      line: first.line,
      kind: 'boilerplate',
      message: `removed "${first.text.trim()}" and everything after it (lines ${first.line}–${last.line}, ${removed.length} non-blank: ${removed.map((l) => `"${excerpt(l.text, 40)}"`).join(', ')})`,
    });
  }
  return { lines: out, repairs };
}
