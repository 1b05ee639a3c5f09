/**
 * What the EPUB writer takes for each chapter: the contract between layout (which makes chapters)
 * and output (which packs them). It imports nothing, so neither side depends on the other's code.
 */

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
  /** XHTML body content, serialised as XML (epub-gen-memory's own HTML pass is bypassed). */
  xhtml: string;
  /** The first chapter of the body (not front matter): the `bodymatter` landmark. */
  bodymatter: boolean;
  /** Comes before the table of contents in reading order (cover, title page). */
  beforeToc: boolean;
  /** Listed in the navigation document (the cover is not). */
  inToc: boolean;
  /** `epub:type` of the document's body, e.g. `cover`. */
  bodyType?: string;
}
