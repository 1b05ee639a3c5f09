import type { PdfEdition } from '../config/schema.js';
import type { RenderContext } from '../layout/blocks.js';
import type { Pagination } from '../layout/pagination.js';
import type { PrintBrowser } from '../output/browser.js';

export interface PrintEditionOptions {
  browser: PrintBrowser;
  edition: PdfEdition;
  context: RenderContext;
  templatesDir: string;
  workDir: string;
  allowedRoots: readonly string[];
  outPath: string;
  /**
   * Where the previous build of this edition settled (build --watch keeps it): most edits move no
   * chapter, so the first pass prints with it as a final pass and one print is enough.
   */
  previous?: Pagination;
  /**
   * How many parts a flow book is predicted and printed in, at once; by default from its length and
   * the machine's cores (src/output/book-parts.ts). Tests set it to print a short book in parts.
   */
  parts?: number;
  /** Per-stage limit for Chromium's load and print of each pass (reaches printHtml). */
  timeoutMs?: number;
  /** The build's cancellation: every pass stops at once when it aborts, and nothing is written. */
  signal?: AbortSignal | undefined;
}

export interface PrintedEdition {
  /** The PDF as written. */
  pdf: Uint8Array;
  bytes: number;
  pages: number;
  blocked: string[];
  /** The page of every chapter, section and row anchor in the written PDF. */
  pagination: Pagination;
  /** The HTML of the pass that was written, for the benchmark's raw-Chromium comparison. */
  html: string;
  /**
   * Milliseconds per stage, for the benchmark: `measure` the facing units' heights (and the layout
   * of the front matter in pages that follows in the same page), `predict` the layout-only
   * paginations (`predictions` of them), one entry of `print` per print; `loads`: how many times
   * Chromium loaded the edition's document, counting each part (1 when the first print patched the
   * page that was laid out, src/output/patched-print.ts).
   */
  timings: { layout: number; measure?: number; predict: number; predictions?: number; loads?: number; print: number[]; postProcess: number };
  /** Prints after the first: each one is a pagination the prediction got wrong (goal: none). */
  mispredictions: number;
  /** Facing: how many times a spread ran over its page and was repaired (a unit moved on). */
  repairs?: number;
}
