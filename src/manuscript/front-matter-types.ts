import type { Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { PUBLISHED_DATE } from './credits.js';
import type { FrontMatter } from './model.js';
import { checkReviewFields } from './review-fields.js';
import { REVIEW_STATUSES } from './review.js';

const TEXT_KEYS = ['title', 'short_title', 'subtitle', 'author', 'translator', 'reviewer', 'publication', 'published', 'url', 'source_translator', 'affiliation'] as const;
const STATUSES: readonly string[] = REVIEW_STATUSES;

/**
 * The values the book prints or relies on must have the right shape: a `title: [a, b]` or a
 * nested mapping would print as "a,b" or "[object Object]". Numbers and booleans are text the
 * author meant (`title: 1984`) and become strings; lists and mappings are errors at their line.
 */
export function checkFrontMatterTypes(front: FrontMatter, node: Yaml, file: VFile): void {
  const fail = (key: string, message: string, line = lineOfKey(node, key)) => {
    file.message(message, { place: { line, column: 1 }, ruleId: 'front-matter-type', source: 'parallel-press' }).fatal = true;
  };
  for (const key of TEXT_KEYS) {
    const value: unknown = front[key];
    if (value === undefined || value === null || typeof value === 'string') continue;
    if (typeof value === 'number' || typeof value === 'boolean') {
      front[key] = String(value);
      continue;
    }
    delete front[key];
    fail(key, `\`${key}\` is ${Array.isArray(value) ? 'a list' : 'a mapping'}: expected text, e.g. \`${key}: Dòng sông\` (quote text that starts with [ or {)`);
  }
  if (front.status !== undefined && !STATUSES.includes(String(front.status))) {
    fail('status', `Unexpected status \`${JSON.stringify(front.status)}\`: expected one of ${STATUSES.join(', ')}`);
    delete front.status;
  }
  checkReviewFields(front, fail, (key, nested) => lineOfKey(node, key, nested));
  const published = front.published;
  if (typeof published === 'string' && !PUBLISHED_DATE.test(published)) {
    fail('published', `Unexpected date \`${published}\` in \`published\`: expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. \`published: 2020-01-07\``);
    delete front.published;
  }
  const url = front.url;
  if (typeof url === 'string' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
    fail('url', `Unexpected address \`${url.slice(0, 60)}\` in \`url\`: expected the article's web address, starting with https:// or http://`);
    delete front.url;
  }
  // Hex fingerprints such as 000000000000 read as numbers here; recordedFingerprints re-reads them as text.
  const fingerprints: unknown = front.fingerprints;
  if (fingerprints !== undefined && fingerprints !== null) {
    const ok = typeof fingerprints === 'object' && !Array.isArray(fingerprints) && Object.values(fingerprints).every((v) => typeof v === 'string' || typeof v === 'number');
    if (!ok) {
      fail('fingerprints', '`fingerprints` is not a mapping of section ids to fingerprints: expected lines such as `  border: 3f2a9c1e` (`parallel-press sync` writes them)');
      delete front.fingerprints;
    }
  }
}

/** The line of a top-level key, or of `nested` indented under it (e.g. a section under `reviews`). */
function lineOfKey(node: Yaml, key: string, nested?: string): number {
  const lines = node.value.split('\n');
  const index = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  const inner = nested === undefined || index < 0 ? -1 : lines.findIndex((line, n) => n > index && new RegExp(`^\\s+["']?${nested.replace(/[^\w-]/g, '')}["']?\\s*:`).test(line));
  return (node.position?.start.line ?? 1) + 1 + Math.max(inner >= 0 ? inner : index, 0);
}
