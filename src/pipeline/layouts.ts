import type { Layout, PdfEdition } from '../config/schema.js';
import { layoutColumns } from '../layout/columns.js';
import { printDocument, type ChapterLayout, type EditionDocument } from '../layout/document.js';
import { facingSpreadsDocument } from '../layout/facing-spreads.js';
import { layoutInterleaved, rowsInOneGridItem } from '../layout/interleaved.js';
import { printFacing } from './print-facing.js';
import { printFlow } from './print-flow.js';
import type { PrintEditionOptions, PrintedEdition } from './printed-edition.js';

/**
 * Everything that depends on a PDF edition's layout, decided in one place: build, build --watch,
 * preview and docs:spreads ask here and nowhere else.
 */
export interface PrintLayout {
  layout: Layout;
  /**
   * The edition as one HTML document. A flow layout prints exactly it, pass after pass; the facing
   * layout prints each side alone, and this is its spreads side by side. `preview` shows it.
   */
  document: EditionDocument;
  /** Paginates and prints the edition, writing its PDF. */
  print(options: PrintEditionOptions): Promise<PrintedEdition>;
  /** Whether the settled pagination of the previous build can seed the next one (build --watch). */
  reusesPagination: boolean;
  /** The left page of the spread the README shows, from the page each chapter opens on. */
  showcaseVerso(chapterStarts: readonly number[]): number;
}

export function layoutOf(edition: PdfEdition): PrintLayout {
  switch (edition.layout) {
    case 'columns': {
      const { languages, columnWidths } = edition;
      return flowLayout('columns', (chapter, context) => layoutColumns(chapter, languages, columnWidths ? { ...context, columnWidths } : context));
    }
    case 'interleaved': {
      // Each block is followed by its translations: the primary language's block comes first.
      const { languages, primary = languages[0] } = edition;
      const order = primary ? [primary, ...languages.filter((l) => l !== primary)] : languages;
      return flowLayout('interleaved', (chapter, context) => rowsInOneGridItem(layoutInterleaved(chapter, order, context)));
    }
    case 'facing':
      return {
        layout: 'facing',
        document: facingSpreadsDocument,
        print: printFacing,
        // Spreads are packed from measured heights on every build; there is no pagination to seed.
        reusesPagination: false,
        // A chapter opens on a spread (an even verso): show the one after it, full of parallel text.
        showcaseVerso: (starts) => (starts[1] ?? 2) + 2,
      };
    default:
      return edition.layout satisfies never;
  }
}

/** Columns and interleaved: chapters flow from page to page, each opening on a recto. */
function flowLayout(layout: Layout, layoutChapter: ChapterLayout): PrintLayout {
  const document: EditionDocument = (options) => printDocument({ ...options, layoutChapter });
  return {
    layout,
    document,
    print: (options) => printFlow(options, document),
    reusesPagination: true,
    // A chapter opens on a recto (odd page): the spread after its opening page, full of parallel text.
    showcaseVerso: (starts) => {
      const second = starts[1] ?? 1;
      return second % 2 === 0 ? second + 2 : second + 1;
    },
  };
}
