import type { Diagnostic } from '../diagnostics/index.js';
import type { Book } from '../manuscript/model.js';
import { blockAlignment } from './blocks.js';
import { emptyBlocks } from './empty-blocks.js';
import { headingIds } from './heading-ids.js';
import { identicalToSource } from './identical.js';
import { imageFiles } from './images.js';
import { imageAlt } from './image-alt.js';
import { khmerOrder } from './khmer-order.js';
import { latinInKhmer } from './latin-in-khmer.js';
import { legacyEncodings } from './legacy-encoding.js';
import { mojibake } from './mojibake.js';
import { textNotNfc } from './nfc.js';
import type { LintRule } from './rule.js';
import { sectionAlignment } from './sections.js';
import { staleSections } from './stale.js';
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
];

/** Runs every rule over a loaded book; the loader's own diagnostics stay in `book.diagnostics`. */
export function lintBook(book: Book): Diagnostic[] {
  return LINT_RULES.flatMap((rule) => rule(book));
}
