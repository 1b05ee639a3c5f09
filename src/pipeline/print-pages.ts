import path from 'node:path';
import { isPdfEdition, type Edition } from '../config/schema.js';
import { editionContext } from '../layout/edition-view.js';
import type { Book } from '../manuscript/model.js';
import type { PrintPages } from '../layout/epub-page-breaks.js';
import type { Pagination } from '../layout/pagination.js';
import type { PrintBrowser } from '../output/browser.js';
import { printEdition } from './print-edition.js';

export interface PrintPagesOptions {
  /** Every edition of the book, built in this run or not. */
  editions: readonly Edition[];
  book: Book;
  date: Date;
  templatesDir: string;
  workDir: string;
  allowedRoots: readonly string[];
  browser: () => Promise<PrintBrowser>;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * The pages of the PDF editions that EPUB editions take their page breaks from: those printed in this
 * build are remembered; one that is not being built is printed once into the work directory.
 */
export class PrintPagesSource {
  private readonly known = new Map<string, Promise<PrintPages>>();

  constructor(private readonly options: PrintPagesOptions) {}

  record(editionId: string, printed: { pagination: Pagination; pages: number }): void {
    this.known.set(editionId, Promise.resolve({ editionId, pages: printed.pagination.pages, pageCount: printed.pages }));
  }

  pagesOf(editionId: string): Promise<PrintPages> {
    let found = this.known.get(editionId);
    if (!found) {
      found = this.print(editionId);
      this.known.set(editionId, found);
    }
    return found;
  }

  private async print(editionId: string): Promise<PrintPages> {
    const { editions, book, date, templatesDir, workDir, allowedRoots, timeoutMs, signal } = this.options;
    const edition = editions.filter(isPdfEdition).find((e) => e.id === editionId);
    // The schema only accepts a PDF edition's id, so this is a bug, not a user error.
    if (!edition) throw new Error(`pageBreaksFrom names ${editionId}, which is not a PDF edition`);
    const browser = await this.options.browser();
    const outPath = path.join(workDir, `${editionId}.page-source.pdf`);
    const printed = await printEdition({ browser, edition, context: editionContext(book, edition, date), templatesDir, workDir, allowedRoots, outPath, timeoutMs, signal });
    return { editionId, pages: printed.pagination.pages, pageCount: printed.pages };
  }
}
