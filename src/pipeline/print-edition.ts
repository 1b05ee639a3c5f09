import { layoutOf } from './layouts.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';

export type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';

/** Prints a PDF edition the way its layout paginates (src/pipeline/layouts.ts) and writes it to `outPath`. */
export function printEdition(options: PrintEditionOptions): Promise<PrintedEdition> {
  return layoutOf(options.edition).print(options);
}
