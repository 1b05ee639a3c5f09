/** The five Vietnamese tone marks as combining characters (the sixth tone is unmarked). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

const INITIALS = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]';
/** Vowel nuclei with their glides, longest first so the alternation tries them first. */
const VOWELS = [
  'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'iêu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'iê', 'yê', 'oo',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
].join('|');
const FINALS = 'ch|ng|nh|[cmnpt]';
const SYLLABLE = new RegExp(`^(?:${INITIALS})?(?:${VOWELS})(?:${FINALS})?$`, 'u');

/**
 * Whether a word is shaped like one Vietnamese syllable (initial, vowel nucleus, final, at most one
 * tone mark). Legacy-encoding detectors use it both ways: garbled text is not a syllable, and the
 * same text decoded with the right legacy table is one.
 */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC').toLowerCase();
  return SYLLABLE.test(bare);
}

/** Whether a word carries a Vietnamese diacritic (so decoding it into this word changed something). */
export function hasVietnameseDiacritic(word: string): boolean {
  return /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]|đ/iu.test(word.normalize('NFD'));
}
