/**
 * Intl.Segmenter in bounded pieces. On Node 20 every segment object carries its own copy of the
 * whole input (`segment.input`), so segmenting one 100 KB paragraph costs time and memory in the
 * square of its length (a 108 KB paragraph: 3.7 GB, then out of memory). Cutting the text into
 * pieces of at most PIECE characters, at a space where there is one, keeps both linear: a word
 * never spans a space, so the segments are the same; a run longer than PIECE without a space
 * (Khmer writes none between words) is cut at PIECE, which may split one word at the cut.
 */
export const PIECE = 2_048;

export interface Segment {
  segment: string;
  /** Index in the whole text (UTF-16 code units). */
  index: number;
  isWordLike: boolean;
}

export function* boundedSegments(segmenter: Intl.Segmenter, text: string): Generator<Segment> {
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start);
    for (const { segment, index, isWordLike } of segmenter.segment(text.slice(start, end))) {
      yield { segment, index: start + index, isWordLike: isWordLike === true };
    }
    start = end;
  }
}

/** The end of the piece from `start`: after the last space within PIECE, else never inside a cluster. */
function pieceEnd(text: string, start: number): number {
  const limit = start + PIECE;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > start + PIECE / 2; i--) if (/\s/u.test(text[i - 1] ?? '')) return i;
  let end = limit;
  // Not before a mark, a low surrogate, or after a Khmer coeng (U+17D2 joins the next consonant).
  while (end > start + 1 && (/[\p{M}\udc00-\udfff]/u.test(text[end] ?? '') || text[end - 1] === '\u17d2')) end--;
  return end;
}
