import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../diagnostics/index.js';
import { writeOutput } from './atomic.js';

/** The only importer of epub-gen-memory: the rest of the code speaks in chapters and metadata. */

export interface LocalisedText {
  lang: string;
  text: string;
}

export interface EpubChapter {
  /** Title in the primary language (NCX, <title>). */
  title: string;
  /** Title in every language of the edition (nav document). */
  titles: LocalisedText[];
  lang: string;
  /** ASCII file name, e.g. `02-friendship.xhtml` (Khmer titles would slug to nothing). */
  filename: string;
  /** XHTML body content. */
  html: string;
  /** The first chapter of the body (not front matter): the `bodymatter` landmark. */
  bodymatter: boolean;
  /** Comes before the table of contents in reading order (title page). */
  beforeToc: boolean;
}

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
}

export interface WriteEpubOptions {
  metadata: EpubMetadata;
  chapters: EpubChapter[];
  templatesDir: string;
  outPath: string;
}

type EpubFunction = (options: Record<string, unknown>, content: Record<string, unknown>[]) => Promise<Buffer>;

async function loadEpubGen(): Promise<EpubFunction> {
  // CommonJS default export seen through ESM: the callable sits one or two `default`s deep.
  const module = (await import('epub-gen-memory')) as unknown as { default: EpubFunction | { default: EpubFunction } };
  const first = module.default;
  return typeof first === 'function' ? first : first.default;
}

export async function writeEpub({ metadata, chapters, templatesDir, outPath }: WriteEpubOptions): Promise<{ bytes: number }> {
  const template = (name: string) => readFile(path.join(templatesDir, name), 'utf8');
  const [contentOPF, tocNCX, tocXHTML, chapterXHTML, css] = await Promise.all([
    template('epub/content.opf.ejs'),
    template('epub/toc.ncx.ejs'),
    template('epub/toc.xhtml.ejs'),
    template('epub/chapter.xhtml.ejs'),
    template('epub.css'),
  ]);
  const epub = await loadEpubGen();
  const lang = metadata.languages[0] ?? 'en';
  let buffer: Buffer;
  try {
    buffer = await epub(
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
        bodymatter: (chapters.find((c) => c.bodymatter) ?? chapters[0])?.filename ?? '',
        bodymatterTitle: metadata.title,
      },
      chapters.map((chapter) => ({
        title: chapter.title,
        titles: chapter.titles,
        lang: chapter.lang,
        filename: chapter.filename,
        beforeToc: chapter.beforeToc,
        content: chapter.html,
      })),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 300) : String(error);
    throw new UserError({ file: outPath, severity: 'error', ruleId: 'epub-failed', message: `The EPUB could not be assembled (${reason}); the previous output was left untouched.` });
  }
  await writeOutput(outPath, buffer);
  return { bytes: buffer.byteLength };
}
