import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/index.js';
import { writeOutput } from '../fs/atomic.js';
import { repackEpub, type EpubResource } from './epub-package.js';
import type { EpubChapter, LocalisedText } from '../layout/epub-chapter.js';

export type { EpubChapter, LocalisedText };

/** The only importer of epub-gen-memory: the rest of the code speaks in chapters and metadata. */

export interface EpubMetadata {
  identifier: string;
  title: string;
  titles: LocalisedText[];
  /** Edition languages, primary first. */
  languages: string[];
  description: string;
  creators: { name: string; role: string; element: 'creator' | 'contributor' }[];
  publisher: string | undefined;
  rights: string | undefined;
  subjects: string[];
  /** ISO date of publication and the dcterms:modified timestamp (from SOURCE_DATE_EPOCH when set). */
  date: string;
  modified: string;
  tocTitle: string;
  /** Landmark labels in the primary language. */
  landmarks: { title: string; cover: string; toc: string; bodymatter: string; pages: string };
  accessibility: AccessibilityMetadata;
  /** One entry per print page, in order, pointing at its page-break marker; empty without page breaks. */
  pageList: { page: number; href: string }[];
  /** The print edition the page breaks come from (`pageBreakSource`). */
  pageBreakSource: string | undefined;
}

/** schema.org and EPUB Accessibility 1.1 metadata: each statement only as far as it is true. */
export interface AccessibilityMetadata {
  accessModes: string[];
  accessModesSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  conformsTo: string | undefined;
  certifiedBy: string | undefined;
}

export interface WriteEpubOptions {
  metadata: EpubMetadata;
  chapters: EpubChapter[];
  /** Fonts, images and the cover image, manifested in the OPF and added to the zip. */
  resources: EpubResource[];
  /** The stylesheet, `@font-face` rules included. */
  css: string;
  templatesDir: string;
  outPath: string;
  /** Every zip entry gets this time (SOURCE_DATE_EPOCH or the build date). */
  modified: Date;
}

/** Languages written right to left: the reading system needs `dir` to lay out a chapter. */
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

type EpubFunction = (options: Record<string, unknown>, content: Record<string, unknown>[]) => Promise<Buffer>;

async function loadEpubGen(): Promise<EpubFunction> {
  // CommonJS default export seen through ESM: the callable sits one or two `default`s deep.
  const module = (await import('epub-gen-memory')) as unknown as { default: EpubFunction | { default: EpubFunction } };
  const first = module.default;
  return typeof first === 'function' ? first : first.default;
}

/**
 * epub-gen-memory renders our OPF, NCX, nav and chapter templates and lays out the container; it
 * fetches nothing (no fonts, images or cover are given to it: they are added by the repack, which
 * also makes the zip reproducible).
 */
export async function writeEpub({ metadata, chapters, resources, css, templatesDir, outPath, modified }: WriteEpubOptions): Promise<{ bytes: number }> {
  const template = (name: string) => readFile(path.join(templatesDir, name), 'utf8');
  const [contentOPF, tocNCX, tocXHTML, chapterXHTML] = await Promise.all([
    template('epub/content.opf.ejs'),
    template('epub/toc.ncx.ejs'),
    template('epub/toc.xhtml.ejs'),
    template('epub/chapter.xhtml.ejs'),
  ]);
  const epub = await loadEpubGen();
  const lang = metadata.languages[0] ?? 'en';
  let buffer: Uint8Array;
  try {
    const assembled = await epub(
      {
        ...metadata,
        lang,
        author: metadata.creators.filter((c) => c.element === 'creator').map((c) => c.name),
        prependChapterTitles: false,
        numberChaptersInTOC: false,
        tocInTOC: false,
        version: 3,
        verbose: false,
        css,
        contentOPF,
        tocNCX,
        tocXHTML,
        chapterXHTML,
        fonts: [],
        fetchTimeout: 5_000,
        retryTimes: 1,
        // epub-gen-memory rewrites `date` to a timestamp; the package document wants the day.
        issued: metadata.date,
        resources: resources.map(({ href, mediaType, properties }) => ({ href, mediaType, properties: properties ?? '' })),
        cover: undefined,
        coverChapter: chapters.find((c) => c.bodyType === 'cover')?.filename ?? '',
        bodymatter: (chapters.find((c) => c.bodymatter) ?? chapters[0])?.filename ?? '',
      },
      chapters.map((chapter) => ({
        title: chapter.title,
        titles: chapter.titles,
        lang: chapter.lang,
        dir: RIGHT_TO_LEFT.has(chapter.lang.split('-')[0] ?? '') ? 'rtl' : 'ltr',
        filename: chapter.filename,
        beforeToc: chapter.beforeToc,
        inToc: chapter.inToc,
        bodyType: chapter.bodyType ?? '',
        // Empty for epub-gen-memory's HTML pass; the template writes `xhtml` as it is.
        content: '',
        xhtml: chapter.xhtml,
      })),
    );
    buffer = repackEpub(new Uint8Array(assembled), resources, modified);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 300) : String(error);
    throw new UserError({ file: outPath, severity: 'error', ruleId: 'epub-failed', message: `The EPUB could not be assembled (${reason}); the previous output was left untouched.` });
  }
  await writeOutput(outPath, buffer);
  return { bytes: buffer.byteLength };
}
