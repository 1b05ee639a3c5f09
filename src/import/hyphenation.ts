import type { Repair, SourceLine } from './repairs.js';

/** Lower-case English words (the `word-list` package, see english-words.ts). */
export type WordSet = ReadonlySet<string>;

/**
 * A capture keeps the hyphens of words broken at the end of a printed line ("leader-ship").
 * The rule, applied to every word pair joined by one hyphen:
 *  1. a second part starting with a capital ("Cambodia-Vietnam", "Military-Civilian") is a compound;
 *  2. if the joined word appears unhyphenated elsewhere in the same text ("Vi-etnam", "Cambo-dian"),
 *     join: the author's own spelling is the best evidence;
 *  3. else if the joined word, or it with a common suffix stripped, is a dictionary word, join,
 *     unless the parts are words that commonly compound ("check-ups", "Sub-region"): those are
 *     kept and reported, so an editor can join them by hand if they were line breaks;
 *  4. otherwise keep ("long-term", "well-organised", "education-training").
 * Chains ("people-to-people") and words with digits ("COVID-19") are never touched.
 */
export type HyphenDecision = { action: 'join'; joined: string; reason: string } | { action: 'keep'; reason: string; alternative?: string };

/**
 * First words that keep their hyphen before a whole word ("self-defense", "sub-region",
 * "long-time"). A line break after one of them ("pro-motion") is kept too, but reported.
 */
const COMPOUND_FIRST_WORDS = new Set(['self', 'well', 'ill', 'non', 'anti', 'multi', 'semi', 'quasi', 'cross', 'ultra', 'mid', 'half', 'sub', 'co', 'pro', 'long', 'short', 'full', 'part', 'high', 'low', 'far', 'all', 'ever', 'world']);
/** Particles of phrasal nouns ("check-up", "follow-up", "lock-in", "take-off"). */
const PARTICLES = new Set(['up', 'ups', 'down', 'downs', 'out', 'outs', 'off', 'offs', 'in', 'ins', 'on', 'ons', 'over', 'overs', 'back', 'backs', 'by', 'bys']);
/** Second words that form compounds with almost anything ("ASEAN-led", "nation-wide", "child-like"). */
const COMBINING = new Set(['led', 'based', 'wide', 'free', 'like', 'related', 'oriented', 'owned', 'made', 'term', 'scale', 'style', 'friendly', 'specific', 'minded', 'born', 'fold']);
/** Suffixes stripped to find the dictionary form ("pro-activeness" → "proactive" + -ness). */
const SUFFIXES = ['ness', 'ments', 'ment', 'ities', 'ity', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 's', 'ly', 'd'];

const HYPHENATED = /(?<![\p{L}\p{N}\p{M}-])\p{L}+(?:-\p{L}+)+(?![\p{L}\p{N}\p{M}-])/gu;

export function decideHyphen(token: string, dictionary: WordSet, seen: ReadonlyMap<string, string>): HyphenDecision {
  const parts = token.split('-');
  const [first, second] = parts;
  if (parts.length !== 2 || first === undefined || second === undefined) return { action: 'keep', reason: 'a chain of words' };
  if (/^\p{Lu}/u.test(second)) return { action: 'keep', reason: 'the second part is capitalised' };
  if (first.length < 2 || second.length < 2) return { action: 'keep', reason: 'a one-letter part' };
  const joined = first + second;
  const lower = joined.toLowerCase();
  const spelled = seen.get(lower);
  if (spelled !== undefined) return { action: 'join', joined, reason: `"${spelled}" appears unhyphenated elsewhere in the text` };
  const evidence = dictionary.has(lower) ? 'a dictionary word' : stemEvidence(lower, dictionary, seen);
  if (evidence === undefined) return { action: 'keep', reason: `"${lower}" is not a word` };
  const compound = compoundReason(first.toLowerCase(), second.toLowerCase(), dictionary);
  if (compound !== undefined) return { action: 'keep', reason: compound, alternative: joined };
  return { action: 'join', joined, reason: evidence };
}

function stemEvidence(lower: string, dictionary: WordSet, seen: ReadonlyMap<string, string>): string | undefined {
  for (const suffix of SUFFIXES) {
    if (!lower.endsWith(suffix) || lower.length - suffix.length < 3) continue;
    const stem = lower.slice(0, -suffix.length);
    for (const candidate of [stem, `${stem}e`, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : undefined]) {
      if (candidate === undefined) continue;
      if (dictionary.has(candidate)) return `"${candidate}" + -${suffix}, a dictionary word`;
      const spelled = seen.get(candidate);
      if (spelled !== undefined) return `"${spelled}" + -${suffix}, "${spelled}" appears elsewhere in the text`;
    }
  }
  return undefined;
}

function compoundReason(first: string, second: string, dictionary: WordSet): string | undefined {
  if (COMPOUND_FIRST_WORDS.has(first) && second.length >= 4 && dictionary.has(second)) return `"${first}-" forms compounds with whole words`;
  if (PARTICLES.has(second) && dictionary.has(first)) return `"-${second}" forms compounds`;
  if (COMBINING.has(second)) return `"-${second}" forms compounds`;
  return undefined;
}

/** Every word of the text in lower case, mapped to its first spelling (for "Vietnam", "Cambodian"). */
export function wordsOf(texts: readonly string[]): Map<string, string> {
  const seen = new Map<string, string>();
  for (const text of texts) {
    for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
      const lower = word.toLowerCase();
      if (!seen.has(lower)) seen.set(lower, word);
    }
  }
  return seen;
}

/** Joins line-break hyphenation in every line, reporting each join and each doubtful keep. */
export function repairHyphenation(lines: readonly SourceLine[], dictionary: WordSet): { lines: SourceLine[]; repairs: Repair[] } {
  const seen = wordsOf(lines.map((l) => l.text));
  const repairs: Repair[] = [];
  const out = lines.map((source) => {
    const text = source.text.replace(HYPHENATED, (token) => {
      const decision = decideHyphen(token, dictionary, seen);
      if (decision.action === 'join') {
        repairs.push({ line: source.line, kind: 'hyphenation', message: `joined "${token}" → "${decision.joined}" (${decision.reason})`, before: token, after: decision.joined });
        return decision.joined;
      }
      if (decision.alternative !== undefined) {
        repairs.push({ line: source.line, kind: 'kept', message: `kept "${token}": ${decision.reason}; "${decision.alternative}" is also a word, join it by hand if it was a line break`, before: token, after: token });
      }
      return token;
    });
    return { line: source.line, text };
  });
  return { lines: out, repairs };
}
