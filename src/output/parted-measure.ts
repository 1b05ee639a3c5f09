import type { Page } from 'puppeteer-core';
import { distinctFaces, type EmbeddedFace } from '../layout/edition-fonts.js';
import type { DocumentParts } from './html-parts.js';
import { laidOutFaces } from './laid-out-faces.js';
import { openLaidOutPage, type LaidOutPageOptions, type OpenLaidOutPage } from './laid-out-page.js';
import { appendStyle, LAYOUT_STYLE_ID, withLayoutStyle } from './layout-marks.js';
import { columnPages } from './page-prediction.js';
import { measureInPage } from './measure.js';
import { chapterRuns, firstChapterOf, hideFrom, openAllParts, partDocument, type PartPage } from './book-parts.js';
import { untilAborted } from './stage-signal.js';

export interface MeasuredParts {
  /** The height in CSS px (margins included) of every element of `ids` laid out in some part. */
  heights: Map<string, number>;
  /** The faces the measured text was laid out in, over every part. */
  faces: EmbeddedFace[];
  /** The first part's page: the whole document, the parts after it hidden. */
  first: OpenLaidOutPage<unknown>;
  /** The pages of the parts after the first, each holding its own run of chapters. */
  others: PartPage[];
  /** With `front`: the page its mark starts on. */
  frontPage?: number;
}

export interface MeasureInPartsOptions extends LaidOutPageOptions {
  ids: readonly string[];
  /**
   * Lays the first part out in pages once it is measured (`css`, from columnCss, with whatever it
   * hides) and reads the page `mark` starts on: where the front matter ends. The style sheet stays,
   * for the print's patch to take out with the rest of the layout marks.
   */
  front?: { css: string; mark: string };
}

/**
 * The heights of `ids` and the faces of the text, measured in `parts` pages laid out at once, each
 * holding a run of whole chapters of `document` (cut before the body children holding one of
 * `chapters`), as a long book is printed (src/output/parted-print.ts). Every page stays open: the
 * print patches the measured document into the book in it (src/output/page-patch.ts). The first
 * part's page holds the whole document with the parts after its own hidden by a style sheet the
 * patch takes out (src/output/layout-marks.ts); the others are their own documents.
 */
export async function measureInParts(options: MeasureInPartsOptions, document: DocumentParts, parts: number, chapters: readonly string[]): Promise<MeasuredParts> {
  const runs = chapterRuns(document, chapters, parts) ?? [document.body ?? []];
  const [firstRun = [], ...otherRuns] = runs;
  const read = async (page: Page, signal: AbortSignal) => ({
    heights: await untilAborted(measureInPage(page, options.ids), signal),
    faces: await untilAborted(laidOutFaces(page), signal),
  });
  const readFirst = async (page: Page, signal: AbortSignal) => {
    const measured = await read(page, signal);
    if (!options.front) return measured;
    const { css, mark } = options.front;
    await untilAborted(page.evaluate(`(${appendStyle.toString()})(${JSON.stringify({ css, id: LAYOUT_STYLE_ID })})`), signal);
    const frontPage = (await untilAborted(columnPages(page, [mark]), signal)).get(mark);
    return { ...measured, ...(frontPage !== undefined ? { frontPage } : {}) };
  };
  const hidden = otherRuns.length > 0 ? withLayoutStyle(document.html, hideFrom(firstRun.length)) : document.html;
  const measuring = [
    openLaidOutPage(options, { html: hidden, suffix: 'measure', what: `measuring ${options.name}` }, readFirst).then((page) => ({ page, loaded: document, firstChapter: '' })),
    ...otherRuns.map(async (run, n): Promise<PartPage<Awaited<ReturnType<typeof read>>>> => {
      const loaded = partDocument(document, run);
      const page = await openLaidOutPage({ ...options, name: `${options.name}-part${n + 2}` }, { html: loaded.html, suffix: 'measure', what: `measuring part ${n + 2} of ${options.name}` }, read);
      return { page, loaded, firstChapter: firstChapterOf(run, chapters) };
    }),
  ];
  const measured = await openAllParts(measuring);
  const [first, ...others] = measured;
  if (!first) throw new Error(`${options.name} was not measured`);
  const heights = new Map(measured.flatMap((part) => [...part.page.value.heights]));
  const { frontPage } = first.page.value as { frontPage?: number };
  return { heights, faces: distinctFaces(measured.flatMap((part) => part.page.value.faces)), first: first.page, others, ...(frontPage !== undefined ? { frontPage } : {}) };
}
