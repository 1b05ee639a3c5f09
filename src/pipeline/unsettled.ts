import { UserError } from '../diagnostics/index.js';

/**
 * A print that kept moving after every pass it was allowed: Chromium laid the same document out
 * differently from one print to the next (Chromium 156 did so with a grid of many items,
 * src/layout/interleaved.ts). Nothing is written; the message says what moved and what to try,
 * without a stack, since no edit of the book is at fault.
 */
export function unsettledPrint(editionId: string, what: string, passes: number, moved: string[] = []): UserError {
  const shown = moved.slice(0, 5).join('; ');
  return new UserError({
    file: 'book.yaml',
    severity: 'error',
    ruleId: 'print-unsettled',
    message: `Edition \`${editionId}\`: ${what} still moved after ${passes} prints${shown ? ` (${shown}${moved.length > 5 ? '; …' : ''})` : ''}, so the contents or the recto openings could be wrong and nothing was written: expected the same document to print the same pages every time. Build again; if it repeats, report it with the book (PP_DEBUG_PAGINATION=1 prints every pass), and meanwhile build another layout of the edition (\`layout: columns\`)`,
  });
}
