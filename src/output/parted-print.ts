import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_STAGE_TIMEOUT_MS } from '../config/stage-timeout.js';
import type { DocumentParts } from './html-parts.js';
import { patchLoadedPage } from './page-patch.js';
import { appendStyle, PREDICTION_MARKS } from './layout-marks.js';
import type { OpenLaidOutPage } from './laid-out-page.js';
import { hideFrom, partDocument, type PartPage } from './book-parts.js';
import { inLoadedPage, pdfOfPage, type PrintHtmlOptions } from './pdf.js';
import { stageError, stageSignal, untilAborted } from './stage-signal.js';

/**
 * A part of the print: the page its prediction laid out and the document it holds
 * (src/output/parted-prediction.ts), or, without them, a part loaded afresh; `firstChapter`: the
 * anchor of the chapter it starts with (none for the first).
 */
export type PrintPart = Partial<Omit<PartPage, 'firstChapter'>> & Pick<PartPage, 'firstChapter'>;

export interface PartedPrintOptions extends Omit<PrintHtmlOptions, 'html' | 'final'> {
  /** The parts, the first holding the whole document in the page its prediction laid out; every page is closed here. */
  parts: readonly PrintPart[];
  next: DocumentParts;
  /** The page each chapter opens on in `next`: where every part after the first begins. */
  pages: ReadonlyMap<string, number>;
  /** One empty page of the book (a blank verso's HTML): the pages before a part's first chapter. */
  leadPage: string;
}

/** What each part printed, and the pages before its own (dropped when the parts are joined). */
export interface PrintedPart {
  pdf: Uint8Array;
  /** The empty pages the part starts with: those of the parts before it. */
  lead: number;
}

/**
 * The final print of a long flow book in the parts it was predicted in, printed at once: Chromium
 * prints a page on one core, and a 1,000-page book's print is most of its build (two halves at
 * once: 4.0 s against 6.5 s for the whole on 2 cores). The first part's page keeps the whole
 * document with every part after its own hidden; every other part is its chapters after as many
 * empty pages as precede them in the book, so that its folios, recto and verso pages and running
 * heads are the book's own, and ends with the anchor index, for its destinations. Each page is
 * patched from what its prediction laid out (src/output/page-patch.ts) and printed; the pages are
 * joined afterwards (src/output/pdf-parts.ts). Undefined, every page closed, when a part cannot be
 * found in `next` or patched: the caller prints the whole book afresh.
 */
export async function printInParts(options: PartedPrintOptions): Promise<{ parts: PrintedPart[]; blocked: string[] } | undefined> {
  const { parts, next } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS;
  const signal = stageSignal(options.signal, timeoutMs);
  // Every page of the print, the prediction's and those loaded here: all closed at the end.
  const open: OpenLaidOutPage<unknown>[] = parts.flatMap((part) => (part.page ? [part.page] : []));
  try {
    const documents = partDocuments(options);
    const [whole] = parts;
    if (!documents || !whole?.page) return undefined;
    const fileOf = (n: number) => path.join(options.workDir, n === 0 ? `${options.editionId}.html` : `${options.editionId}.part${n + 1}.html`);
    // The first part's page holds the whole book: what the parts after it print is hidden in it.
    const second = documents[1];
    if (second) await untilAborted(whole.page.page.evaluate(`(${appendStyle.toString()})(${JSON.stringify({ css: hideFrom(second.from) })})`), signal);
    const pages = await Promise.all(
      parts.map(async (part, n): Promise<OpenLaidOutPage<unknown> | undefined> => {
        const document = documents[n]?.document ?? next;
        if (!part.page || !part.loaded) {
          // A part no prediction laid out is loaded as a whole print would be.
          const loaded = await inLoadedPage({ ...options, html: document.html, file: fileOf(n), what: `printing part ${n + 1} of edition ${options.editionId}` }, async () => undefined);
          open.push(loaded);
          return loaded;
        }
        // The HTML printed stays in the work directory, as with a whole print.
        await writeFile(fileOf(n), document.html);
        return (await patchLoadedPage(part.page.page, part.loaded, document, PREDICTION_MARKS, signal)) ? part.page : undefined;
      }),
    );
    if (pages.includes(undefined)) return undefined;
    const pdfs = await Promise.all(pages.map((page) => pdfOfPage((page as OpenLaidOutPage<unknown>).page, true, signal)));
    return { parts: pdfs.map((pdf, n) => ({ pdf, lead: documents[n]?.lead ?? 0 })), blocked: [...new Set(open.flatMap((page) => page.blocked))] };
  } catch (error) {
    throw stageError(error, options.signal, signal, { what: `printing edition ${options.editionId}`, outPath: options.outPath, timeoutMs });
  } finally {
    const closing = Promise.all(open.map((page) => page.page.close().catch(() => undefined)));
    if (!signal.aborted) await closing;
  }
}

/** Every part's document: the first is `next` itself; `from` is the body child each part starts at. */
function partDocuments({ parts, next, pages, leadPage }: PartedPrintOptions): { document: DocumentParts; from: number; lead: number }[] | undefined {
  const body = next.body;
  if (!body) return undefined;
  const starts = parts.map((part, n) => (n === 0 ? 0 : body.findIndex((child) => child.includes(`id="${part.firstChapter}"`))));
  const leads = parts.map((part, n) => (n === 0 ? 0 : (pages.get(part.firstChapter) ?? 0) - 1));
  if (starts.some((start, n) => n > 0 && (start <= (starts[n - 1] ?? 0) || (leads[n] ?? 0) <= (leads[n - 1] ?? 0)))) return undefined;
  const anchorIndex = body.findLast((child) => child.includes('class="anchor-index"'));
  return parts.map((_, n) => {
    const from = starts[n] ?? 0;
    const lead = leads[n] ?? 0;
    if (n === 0) return { document: next, from, lead };
    const run = body.slice(from, starts[n + 1] ?? body.length);
    const partBody = [...Array.from({ length: lead }, () => leadPage), ...run, ...(anchorIndex && !run.includes(anchorIndex) ? [anchorIndex] : [])];
    return { document: partDocument(next, partBody), from, lead };
  });
}

