import path from 'node:path';
import type { Root } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface SafetyOptions {
  /** Absolute book directory: local resources must stay inside it. */
  bookDir: string;
  /** Absolute directory of the markdown file, against which relative paths resolve. */
  fileDir: string;
}

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Markdown reaches a browser, so it is treated as code: raw HTML is dropped (it is the only way to
 * get scripts, handlers, iframes, meta refreshes or remote CSS in), links keep only http(s)/mailto/
 * fragments/relative targets, and images must be files inside the book. Each removal is reported
 * with its position; rehype-sanitize runs after this as a second line of defence.
 */
export function remarkSafety(options: SafetyOptions) {
  return (tree: Root, file: VFile) => {
    // `![alt][ref]` takes its URL from a definition that may be anywhere in the file.
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    visit(tree, (node, index, parent) => {
      if (node.type === 'html') {
        const snippet = node.value.trim().replace(/\s+/g, ' ').slice(0, 60);
        warn(file, node, 'raw-html', `Raw HTML is not allowed in a manuscript and was removed: \`${snippet}\`; use markdown instead`);
        if (parent && index !== undefined) {
          parent.children.splice(index, inlineElementExtent(parent.children, index));
          return index;
        }
      }
      if (node.type === 'link' || node.type === 'definition') {
        if (!SAFE_LINK.test(node.url) && HAS_SCHEME.test(node.url)) {
          warn(file, node, 'unsafe-link', `Link target \`${node.url.slice(0, 60)}\` was removed: expected an http(s), mailto or relative link`);
          node.url = '';
        } else if (!SAFE_LINK.test(node.url) && node.url !== '' && leavesBook(node.url, options)) {
          warn(file, node, 'unsafe-link', `Link target \`${node.url.slice(0, 60)}\` was removed: it leads outside the book directory; expected a link to a file of the book or a web address`);
          node.url = '';
        }
      }
      if (node.type === 'image' || node.type === 'imageReference') {
        const url = node.type === 'image' ? node.url : definitions.get(node.identifier);
        const problem = url === undefined ? undefined : imageProblem(url, options);
        if (problem) {
          if (problem.fatal) {
            const message = file.message(problem.reason, { place: node.position, ruleId: problem.ruleId ?? 'image-outside-book', source: 'parallel-press' });
            message.fatal = true;
          } else {
            warn(file, node, 'remote-image', problem.reason);
          }
          if (parent && index !== undefined) {
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
        }
      }
      return undefined;
    });
  };
}

/** Elements whose content is code, not text: inline, everything up to the closing tag goes too. */
const CODE_ELEMENT = /^<(script|style|iframe|object|embed|template|noscript|svg|math)\b[^>]*>$/i;

/** How many siblings, from `index`, make up one raw inline element (1 unless it is a code element). */
function inlineElementExtent(siblings: readonly { type: string; value?: string }[], index: number): number {
  const open = CODE_ELEMENT.exec(siblings[index]?.value?.trim() ?? '');
  if (!open) return 1;
  const close = new RegExp(`^</${open[1] ?? ''}\\s*>$`, 'i');
  for (let end = index + 1; end < siblings.length; end++) {
    const sibling = siblings[end];
    if (sibling?.type === 'html' && close.test(sibling.value?.trim() ?? '')) return end - index + 1;
  }
  return 1;
}

function leavesBook(url: string, { bookDir, fileDir }: SafetyOptions): boolean {
  let target: string;
  try {
    target = decodeURI(url.split(/[?#]/)[0] ?? '');
  } catch {
    return false;
  }
  const relative = path.relative(bookDir, path.resolve(fileDir, target));
  return relative.startsWith('..') || path.isAbsolute(relative);
}

function imageProblem(url: string, { bookDir, fileDir }: SafetyOptions): { reason: string; fatal: boolean; ruleId?: string } | undefined {
  if (HAS_SCHEME.test(url) && !/^file:/i.test(url)) {
    return { reason: `Image \`${url.slice(0, 60)}\` was removed: a book never loads remote resources; copy the image into the book directory`, fatal: false };
  }
  let local: string;
  try {
    local = /^file:/i.test(url) ? new URL(url).pathname : decodeURI(url);
  } catch {
    return { reason: `Image \`${url.slice(0, 60)}\` is not a valid path (a stray \`%\`?): expected a path such as \`images/river.jpg\`, with \`%\` written as \`%25\``, fatal: true, ruleId: 'image-missing' };
  }
  const resolved = path.resolve(fileDir, local);
  const relative = path.relative(bookDir, resolved);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { reason: `Image \`${url.slice(0, 60)}\` is outside the book directory: expected a path inside ${bookDir}; move the image into the book`, fatal: true };
  }
  return undefined;
}

function warn(file: VFile, node: { position?: import('unist').Position | undefined }, ruleId: string, reason: string): void {
  file.message(reason, { place: node.position, ruleId, source: 'parallel-press' });
}
