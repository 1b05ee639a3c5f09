import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { EpubEdition } from '../config/schema.js';
import { DEFAULT_STAGE_TIMEOUT_MS } from '../config/stage-timeout.js';
import { UserError } from '../diagnostics/index.js';
import type { RenderContext } from '../layout/blocks.js';
import { COVER_SIZE, coverChapter, coverPage } from '../layout/cover-page.js';
import { epubChapters, type EpubImage } from '../layout/epub-chapters.js';
import type { PrintPages } from '../layout/epub-page-breaks.js';
import type { PrintBrowser } from '../output/browser.js';
import { writeEpub } from '../output/epub.js';
import { renderCover } from '../output/epub-cover.js';
import { embedFonts, epubFaces, fontFaceCss } from '../output/epub-fonts.js';
import { languageCss } from '../layout/script-css.js';
import type { EpubResource } from '../output/epub-package.js';
import { IMAGE_MEDIA_TYPES, inspectImage } from '../manuscript/image-file.js';
import { epubMetadata } from './epub-metadata.js';

export interface EpubEditionOptions {
  edition: EpubEdition;
  context: RenderContext;
  templatesDir: string;
  workDir: string;
  outPath: string;
  /** The build's one Chromium, launched on first use (it photographs the cover). */
  browser: () => Promise<PrintBrowser>;
  /** The pages of the PDF edition named by `pageBreaksFrom`, when the edition has one. */
  printPages?: PrintPages | undefined;
  /** The stage timeout of the cover's photograph; default the build's default. */
  timeoutMs?: number;
  /** The build's cancellation: checked between steps, and nothing is written once it aborted. */
  signal?: AbortSignal | undefined;
}

export interface EpubEditionResult {
  bytes: number;
  fonts: { family: string; bytes: number; originalBytes: number }[];
}

/** layout → cover → fonts → package, for one EPUB edition. */
export async function buildEpubEdition({ edition, context, templatesDir, workDir, outPath, browser, printPages, timeoutMs, signal }: EpubEditionOptions): Promise<EpubEditionResult> {
  const { book } = context;
  // The faces are chosen by language before the text is known; the colophon names what is packed.
  const content = epubChapters(edition, { ...context, fonts: epubFaces(edition.languages) }, { khmerWordBreaks: edition.khmerWordBreaks, printPages });
  const images = await Promise.all(content.images.map((image) => readImage(book.dir, image)));
  const cover: EpubResource = {
    href: 'images/cover.png',
    mediaType: 'image/png',
    data: await renderCover(await browser(), toHtml(coverPage(book, edition)), workDir, COVER_SIZE, { signal, timeoutMs: timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS, outPath }),
    properties: 'cover-image',
  };
  const pageBreakSource = printPages ? printEditionName(printPages.editionId, context) : undefined;
  const metadata = epubMetadata(book, edition, context.date, { images: images.length + 1, pageList: content.pageList, pageBreakSource });
  // The navigation document shows the chapter titles (already in the chapters), its heading and, between languages, ` · `.
  const fonts = await embedFonts(edition.languages, `${content.text}${metadata.tocTitle}${edition.languages.length > 1 ? ' · ' : ''}`);
  const epubCss = await readFile(path.join(templatesDir, 'epub.css'), 'utf8');
  const css = fontFaceCss(fonts) + epubCss + languageCss(edition.languages, epubCss, 'epub');
  signal?.throwIfAborted();
  const written = await writeEpub({
    metadata,
    chapters: [coverChapter(book, edition, cover.href), ...content.chapters],
    resources: [cover, ...images, ...fonts.map(({ href, mediaType, data }) => ({ href, mediaType, data }))],
    css,
    templatesDir,
    outPath,
    modified: context.date,
  });
  return { bytes: written.bytes, fonts: fonts.map((f) => ({ family: f.family, bytes: f.data.byteLength, originalBytes: f.originalBytes })) };
}

/** The media type comes from the bytes: lint has already refused a file that is not a whole image. */
async function readImage(bookDir: string, image: EpubImage): Promise<EpubResource> {
  const place = path.relative(bookDir, image.file);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(image.file));
  } catch {
    throw new UserError({ file: place, severity: 'error', ruleId: 'image-missing', message: `Image ${place} cannot be read: expected the file the manuscript names, inside the book directory` });
  }
  const inspected = inspectImage(data);
  if (!inspected.ok || !inspected.whole) {
    throw new UserError({ file: place, severity: 'error', ruleId: 'image-invalid', message: `Image ${place} ${inspected.ok ? 'is cut short' : inspected.detail}: expected a whole PNG, JPEG, GIF, WebP or SVG file` });
  }
  return { href: image.href, mediaType: IMAGE_MEDIA_TYPES[inspected.kind].mediaType, data };
}

/** What `pageBreakSource` names: the print edition, by its own title, its edition id and trim. */
function printEditionName(editionId: string, context: RenderContext): string {
  const { config } = context.book;
  const edition = config.editions.find((e) => e.id === editionId && e.format === 'pdf');
  const lang = edition?.languages?.[0] ?? config.languages[0] ?? context.book.sourceLang;
  return `${config.title[lang] ?? ''}, print edition ${editionId}${edition?.format === 'pdf' ? ` (${edition.trim})` : ''}`;
}
