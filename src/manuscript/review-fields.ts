import type { FrontMatter } from './model.js';
import { REVIEW_STATUSES } from './review.js';

type Fail = (key: string, message: string, line?: number) => void;
type LineOf = (key: string, nested?: string) => number;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The review fields of a translation's front matter: `reviewed` and `approved` need a `reviewer`
 * and a `reviewed` date (YYYY-MM-DD), the file's or a section's under `reviews`. The status stays
 * as written (an export still says the translator meant it); `check` and `build` report the error.
 */
export function checkReviewFields(front: FrontMatter, fail: Fail, lineOf: LineOf): void {
  if (front.reviewed !== undefined && !isDate(front.reviewed)) {
    fail('reviewed', `\`reviewed\` is ${JSON.stringify(front.reviewed)}: expected the date of the review as YYYY-MM-DD, e.g. \`reviewed: 2026-11-20\``);
  }
  if (front.status === 'reviewed' || front.status === 'approved') {
    const missing = [typeof front.reviewer === 'string' && front.reviewer.trim() !== '' ? '' : '`reviewer`', front.reviewed === undefined ? '`reviewed` (date)' : ''].filter(Boolean);
    if (missing.length > 0) {
      fail('status', `\`status: ${front.status}\` without ${missing.join(' and ')}: expected who reviewed the translation and when, e.g. \`reviewer: Nguyễn Thị Lan\` and \`reviewed: 2026-11-20\` (or \`status: draft\`)`);
    }
  }
  const reviews: unknown = front.reviews;
  if (reviews === undefined || reviews === null) return;
  if (typeof reviews !== 'object' || Array.isArray(reviews)) {
    fail('reviews', '`reviews` is not a mapping of section ids: expected lines such as `  border: { status: approved, reviewer: Sok Dara, date: 2026-11-20 }`');
    delete front.reviews;
    return;
  }
  for (const [id, entry] of Object.entries(reviews as Record<string, unknown>)) {
    const line = lineOf('reviews', id);
    const example = `\`  ${id}: { status: reviewed, reviewer: Sok Dara, date: 2026-11-20 }\``;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      fail('reviews', `The review of section \`${id}\` is ${JSON.stringify(entry)}: expected a mapping such as ${example}`, line);
      continue;
    }
    const { status, reviewer, date } = entry as Record<string, unknown>;
    if (typeof status !== 'string' || !(REVIEW_STATUSES as readonly string[]).includes(status)) {
      fail('reviews', `The review of section \`${id}\` has status ${JSON.stringify(status)}: expected one of ${REVIEW_STATUSES.join(', ')}, as in ${example}`, line);
      continue;
    }
    if (status === 'draft') continue;
    if (typeof reviewer !== 'string' || reviewer.trim() === '' || !isDate(date)) {
      fail('reviews', `The ${status} review of section \`${id}\` needs a \`reviewer\` and a \`date\` (YYYY-MM-DD): expected ${example}`, line);
    }
  }
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
}
