import os from 'node:os';
import { toHtml } from 'hast-util-to-html';
import { PDFDocument } from 'pdf-lib';
import type { RenderContext } from '../layout/blocks.js';
import { chapterAnchor } from '../layout/chapter-parts.js';
import type { AlignedChapter } from '../manuscript/model.js';
import { anchorPages } from '../output/pdf-anchors.js';
import { PDF_LOAD } from '../output/pdf-metadata.js';
import { pdfFaces } from '../output/pdf-fonts.js';
import type { EmbeddedFace } from '../layout/edition-fonts.js';
import { printHtml } from '../output/pdf.js';
import type { EditionDocument } from '../layout/document.js';
import type { PrintEditionOptions } from './printed-edition.js';

export interface MeasuredBook {
  /** Where each chapter starts in the whole book printed without blank versos. */
  pages: Map<string, number>;
  blocked: string[];
  /** Every face the parts embedded: the whole book embeds the same. */
  faces: EmbeddedFace[];
}

/**
 * The first, measuring pass of a cold print, in parts printed at the same time in separate tabs
 * (one per core, up to 4: Chromium lays out each in its own renderer). Every chapter opens a page
 * and left and right pages have the same text width, so a chapter's length is the same in a part
 * as in the whole book, and the parts' page counts add up to the whole book's.
 */
export async function measureChapters(options: PrintEditionOptions, chapters: readonly AlignedChapter[], context: RenderContext, editionDocument: EditionDocument): Promise<MeasuredBook> {
  const parts = splitChapters(chapters, Math.min(4, os.availableParallelism()));
  const printed = await Promise.all(
    parts.map(async (part, index) => {
      const html = toHtml(editionDocument({ edition: options.edition, context, templatesDir: options.templatesDir, part: { chapters: part, frontMatter: index === 0 } }));
      const result = await printHtml({ ...options, html, editionId: `${options.edition.id}-part-${index + 1}`, final: false });
      return { part, result, document: await PDFDocument.load(result.pdf, PDF_LOAD) };
    }),
  );
  const pages = new Map<string, number>();
  let offset = 0;
  for (const [index, { part, document }] of printed.entries()) {
    const own = anchorPages(document);
    // A later part starts with its first chapter; the front matter exists only in the first.
    const first = index === 0 ? 1 : (own.get(chapterAnchor(part[0] as AlignedChapter)) ?? 1);
    for (const chapter of part) {
      const page = own.get(chapterAnchor(chapter));
      if (page !== undefined) pages.set(chapterAnchor(chapter), offset + page - first + 1);
    }
    offset += document.getPageCount() - first + 1;
  }
  return { pages, blocked: printed.flatMap((p) => p.result.blocked), faces: printed.flatMap((p) => pdfFaces(p.document)) };
}

/** Contiguous parts of about the same amount of text (blocks, as a stand-in for pages). */
function splitChapters(chapters: readonly AlignedChapter[], count: number): AlignedChapter[][] {
  const weight = (c: AlignedChapter) => 1 + c.sections.reduce((sum, s) => sum + s.rows.length, 0);
  const total = chapters.reduce((sum, c) => sum + weight(c), 0);
  const parts: AlignedChapter[][] = [[]];
  let filled = 0;
  for (const chapter of chapters) {
    const current = parts.at(-1) as AlignedChapter[];
    if (current.length > 0 && parts.length < count && filled >= (total * parts.length) / count) parts.push([chapter]);
    else current.push(chapter);
    filled += weight(chapter);
  }
  return parts;
}
