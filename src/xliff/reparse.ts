import path from 'node:path';
import { VFile } from 'vfile';
import { parseMarkdown } from '../markdown/processor.js';
import { readFrontMatter } from '../manuscript/front-matter.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import { segmentSections } from '../manuscript/segment.js';

/**
 * Parses edited markdown the way `loadBook` parses a file on disk, so an import can read back
 * what it is about to write before writing it.
 */
export function parseEdited(bookDir: string, rel: string, lang: string, text: string): ManuscriptDocument {
  const file = new VFile({ path: rel, value: text, data: { raw: text } });
  const tree = parseMarkdown(file, { bookDir, fileDir: path.dirname(path.join(bookDir, rel)) });
  const frontMatter = readFrontMatter(tree, file);
  const { sections, definitions } = segmentSections(tree);
  return { lang, path: rel, file, frontMatter, sections, definitions };
}
