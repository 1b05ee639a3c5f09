/**
 * Image captions left in the text by a web capture. Two shapes are recognised:
 * a short line ending in a photo credit ("Cambodia and Vietnam - shared solidarity. Supplied"),
 * and a standalone one-sentence description of a photo with its date, in the present tense
 * ("The Vietnamese Government and people hand over medical equipment … on May 20, 2021.").
 */

const CREDIT_ENDING = [
  /(?:^|[\s.,;/|–-])(?:Supplied|File photo|Handout)\.?$/i,
  /\((?:Photo|Source|Image|Credit)\b[^)]*\)\.?$/i,
  /(?:^|[\s.,;/|–-])Photo(?:graph)?s?(?: by|:)\s*\S[^.]{0,50}$/i,
];

export function isCreditCaption(text: string): boolean {
  return words(text) <= 25 && CREDIT_ENDING.some((pattern) => pattern.test(text));
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** "on May 20, 2021." / "in May 2022." / "on 20 May 2021." at the very end. */
const DATED_ENDING = new RegExp(`\\b(?:on|in)\\s+(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{4})\\.?$`, 'i');
/** Narration is in the past tense; a caption describes the photo in the present. */
const PAST_TENSE = /\b(?:was|were|had|did|been|[a-z]{2,}ed)\b/;
const QUOTE = /["“”]/;
const SENTENCE_INSIDE = /[.!?]\s+\p{Lu}/u;

export function isPhotoCaption(text: string): boolean {
  const count = words(text);
  return count >= 6 && count <= 45 && DATED_ENDING.test(text) && !PAST_TENSE.test(text) && !QUOTE.test(text) && !SENTENCE_INSIDE.test(text);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
