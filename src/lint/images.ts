import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RootContent } from 'mdast';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ManuscriptDocument } from '../manuscript/model.js';
import { visit } from 'unist-util-visit';
import { inspectImage } from '../manuscript/image-file.js';
import { allDocuments, placeOfNode, type LintRule } from './rule.js';

/** A print image at 300 dpi over a whole B5 page is 6.6 megapixels: 50 is far beyond any need. */
export const MAX_IMAGE_PIXELS = 50_000_000;
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
/** What makes an SVG more than a picture: e-readers may run it, Chromium would try to fetch it. */
const ACTIVE_SVG = /<script\b|\son[a-z]+\s*=|<foreignObject\b|<(?:iframe|embed|object)\b|(?:href|src)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)(?!#)|@import|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * `image-missing`, `image-outside-book`, `image-invalid`, `image-format`, `image-too-large`,
 * `image-unsafe-svg` (errors): every
 * image must be a file of the book (a symbolic link out of it would put that file in the EPUB),
 * small enough to decode (a 20,000 × 20,000 PNG takes Chromium seconds and gigabytes), and an SVG
 * must be a static picture. Remote images are removed while parsing (`remote-image`).
 */
export const imageFiles: LintRule = (book) => {
  const diagnostics: Diagnostic[] = [];
  const bookDir = realpathOr(book.dir);
  for (const doc of allDocuments(book)) {
    const definitions = new Map(doc.definitions.flatMap((d) => (d.type === 'definition' ? [[d.identifier, d.url] as const] : [])));
    const visitImages = (tree: RootContent) =>
      visit(tree, (node) => {
        const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? definitions.get(node.identifier) : undefined;
        if (url === undefined || (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url))) return;
        const problem = imageProblem(book.dir, bookDir, doc, url);
        if (problem) diagnostics.push({ ...placeOfNode(doc, node), severity: 'error', ruleId: problem.ruleId, message: `Image \`${url.slice(0, 80)}\` ${problem.message}` });
      });
    for (const section of doc.sections) {
      if (section.heading) visitImages(section.heading);
      for (const block of section.blocks) visitImages(block.node);
    }
  }
  return diagnostics;
};

function imageProblem(bookDirAsGiven: string, bookDir: string, doc: ManuscriptDocument, url: string): { ruleId: string; message: string } | undefined {
  let file: string;
  try {
    file = /^file:/i.test(url) ? fileURLToPath(url) : path.resolve(bookDirAsGiven, path.dirname(doc.path), decodeURI(url));
  } catch {
    return { ruleId: 'image-missing', message: 'is not a valid path (a stray `%`?): expected a path such as `images/river.jpg`, relative to this file' };
  }
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { ruleId: 'image-missing', message: `does not exist (${path.relative(bookDirAsGiven, file)}): expected an image file at that path, relative to ${doc.path}` };
  }
  const relative = path.relative(bookDir, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { ruleId: 'image-outside-book', message: `is a link to ${real}, outside the book directory: expected the image itself inside the book; copy it in instead of linking` };
  }
  const stats = statSync(real);
  if (!stats.isFile()) return { ruleId: 'image-missing', message: 'is not a file: expected an image file' };
  if (stats.size > MAX_IMAGE_BYTES) return { ruleId: 'image-too-large', message: `is ${(stats.size / 1024 / 1024).toFixed(0)} MB: expected at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB; save it smaller (300 dpi at the printed size is enough)` };
  const bytes = readFileSync(real);
  const size = inspectImage(bytes);
  if (!size.ok) {
    switch (size.problem) {
      case 'not-an-image':
        return { ruleId: 'image-invalid', message: `${size.detail}: expected a whole PNG, JPEG, GIF, WebP or SVG file (its type is read from its bytes, not its name); export the image again` };
      case 'unsupported':
        return { ruleId: 'image-format', message: `${size.detail}: expected PNG, JPEG, GIF, WebP or SVG; convert it (e.g. to PNG)` };
    }
    return size.problem satisfies never;
  }
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    return { ruleId: 'image-too-large', message: `is ${size.width} × ${size.height} pixels (${Math.round((size.width * size.height) / 1e6)} megapixels): expected at most ${MAX_IMAGE_PIXELS / 1e6} megapixels; scale it down (300 dpi over a full page is under 10)` };
  }
  if (!size.whole) {
    return { ruleId: 'image-invalid', message: `is a ${size.kind.toUpperCase()} file cut short (its end marker is missing): expected a whole image file; export the image again` };
  }
  if (size.kind === 'svg') {
    const active = ACTIVE_SVG.exec(bytes.toString('latin1'));
    if (active) return { ruleId: 'image-unsafe-svg', message: `is an SVG with \`${active[0].trim().slice(0, 40)}\`: expected a static picture (e-readers may run scripts, and remote references leak the reader); save it as plain SVG without scripts, handlers and external links, or as PNG` };
  }
  return undefined;
}

function realpathOr(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}
