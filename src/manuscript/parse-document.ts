import path from 'node:path';
import { VFile } from 'vfile';
import { nestingProblem } from '../markdown/nesting-guard.js';
import { parseMarkdown } from '../markdown/processor.js';
import { decodeManuscript } from './decode.js';
import type { ParsedFile } from './document-cache.js';
import { readFrontMatter } from './front-matter.js';
import { segmentSections } from './segment.js';
import { vfileDiagnostics } from './vfile-diagnostics.js';

/** Where a file is and what it is: everything parsing depends on besides its bytes. */
export interface ParseJob {
  /** Absolute book directory (images must stay inside it). */
  bookDir: string;
  /** Path relative to the book directory, with forward slashes. */
  rel: string;
  lang: string;
}

/**
 * Bytes → decoded, parsed, segmented document, with every problem as a diagnostic. A pure function
 * of the bytes and the job, hence cacheable by content hash and safe to run in a worker thread.
 */
export function parseDocument({ bookDir, rel, lang }: ParseJob, bytes: Uint8Array): ParsedFile {
  const decoded = decodeManuscript(bytes, rel);
  if ('error' in decoded) return { document: undefined, diagnostics: [decoded.error] };
  const tooDeep = nestingProblem(decoded.text);
  if (tooDeep) return { document: undefined, diagnostics: [...decoded.diagnostics, { file: rel, line: tooDeep.line, column: tooDeep.column, severity: 'error', ruleId: 'markdown-too-deep', message: tooDeep.message }] };
  const file = new VFile({ path: rel, value: decoded.text, data: { raw: decoded.raw } });
  const tree = parseMarkdown(file, { bookDir, fileDir: path.dirname(path.join(bookDir, rel)) });
  const frontMatter = readFrontMatter(tree, file);
  const { sections, definitions } = segmentSections(tree);
  return { document: { lang, path: rel, file, frontMatter, sections, definitions }, diagnostics: [...decoded.diagnostics, ...vfileDiagnostics(file)] };
}

/** A VFile does not cross a thread or a file boundary: keep its path, text and data. */
export function flattenParsed(parsed: ParsedFile): ParsedFile {
  if (!parsed.document) return parsed;
  const { file } = parsed.document;
  return { ...parsed, document: { ...parsed.document, file: { path: file.path, value: file.value, data: file.data } as VFile } };
}

export function reviveParsed(parsed: ParsedFile): ParsedFile {
  if (!parsed.document) return parsed;
  const { file } = parsed.document;
  return { ...parsed, document: { ...parsed.document, file: new VFile({ path: file.path, value: file.value, data: file.data }) } };
}
