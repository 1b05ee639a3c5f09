import type { Diagnostic } from '../diagnostics/index.js';
import { yieldTurn } from '../fs/event-loop-turn.js';
import type { Book } from '../manuscript/model.js';
import { blockAlignment } from './blocks.js';
import { conditionAlignment } from './conditions.js';
import { emptyBlocks } from './empty-blocks.js';
import { headingIds } from './heading-ids.js';
import { identicalToSource } from './identical.js';
import { imageFiles } from './images.js';
import { imageAlt } from './image-alt.js';
import { khmerOrder } from './khmer-order.js';
import { latinInKhmer } from './latin-in-khmer.js';
import { legacyEncodings } from './legacy-encoding.js';
import { linkTargets } from './links.js';
import { mojibake } from './mojibake.js';
import { textNotNfc } from './nfc.js';
import type { LintRule } from './rule.js';
import { runningHeadLength } from './running-head.js';
import { sectionAlignment } from './sections.js';
import { staleSections } from './stale.js';
import { numberSeparators } from './number-separators.js';
import { outdatedReviews } from './review.js';
import { glossaryTerms } from './terms.js';
import { untranslatedBlocks } from './untranslated.js';
import { noteAlignment, unitAlignment } from './units.js';
import { wrongScript } from './wrong-script.js';
import { zeroWidth } from './zero-width.js';

export { RULE_CATALOGUE } from './catalogue.js';
export type { LintRule } from './rule.js';

export const LINT_RULES: readonly LintRule[] = [
  headingIds,
  sectionAlignment,
  blockAlignment,
  unitAlignment,
  noteAlignment,
  conditionAlignment,
  staleSections,
  untranslatedBlocks,
  emptyBlocks,
  identicalToSource,
  textNotNfc,
  legacyEncodings,
  mojibake,
  wrongScript,
  latinInKhmer,
  khmerOrder,
  zeroWidth,
  imageFiles,
  imageAlt,
  runningHeadLength,
  linkTargets,
  glossaryTerms,
  numberSeparators,
  outdatedReviews,
];

/** Runs every rule over a loaded book; the loader's own diagnostics stay in `book.diagnostics`. */
export function lintBook(book: Book): Diagnostic[] {
  return LINT_RULES.flatMap((rule) => rule(book));
}

/** `lintBook`, giving the event loop a turn between rules: each is linear, so no turn waits long. */
export async function lintBookInTurns(book: Book, signal?: AbortSignal): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const rule of LINT_RULES) {
    await yieldTurn(signal);
    diagnostics.push(...rule(book));
  }
  return diagnostics;
}
