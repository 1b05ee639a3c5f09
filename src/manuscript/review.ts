import { isUnitTranslated } from './block-state.js';
import { fingerprintUnits, recordedFingerprints, type FingerprintUnit } from './fingerprint.js';
import type { ManuscriptDocument } from './model.js';

export const REVIEW_STATUSES = ['draft', 'reviewed', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The front matter key where `sync --reviewed` records what a review saw, per section. */
export const REVIEW_FINGERPRINTS_KEY = 'reviewFingerprints';

/** Who vouched for a translation, or a section of it, and when. */
export interface Review {
  status: ReviewStatus;
  reviewer?: string;
  date?: string;
  /** Set when the section has its own entry under `reviews`, not the file's `status`. */
  perSection: boolean;
}

/**
 * Where one section of a translation stands: `draft`; `current` (reviewed or approved, and neither
 * the English nor the translation changed since); `outdated` (reviewed, then changed, or never
 * recorded with `sync --reviewed`), which needs a review again.
 */
export interface SectionReview {
  key: string;
  review: Review;
  state: 'draft' | 'current' | 'outdated';
  /** What changed since the review, when `outdated`. */
  changed: ('english' | 'translation' | 'unrecorded')[];
  /** The fingerprint `sync --reviewed` records: English and translation, `EN-TR`. */
  fingerprint: string;
}

/** The review of a section: its own entry under `reviews`, else the file's `status`, `reviewer`, `reviewed`. */
export function reviewOf(translation: ManuscriptDocument, key: string): Review {
  const front = translation.frontMatter;
  const own = isRecord(front.reviews) ? front.reviews[key] : undefined;
  if (isRecord(own) && isStatus(own.status)) {
    return { status: own.status, perSection: true, ...text('reviewer', own.reviewer), ...text('date', own.date) };
  }
  const status = isStatus(front.status) ? front.status : 'draft';
  return { status, perSection: false, ...text('reviewer', front.reviewer), ...text('date', front.reviewed) };
}

/** Every translated unit of a translation (the lead, then sections with ids), with its review state. */
export function sectionReviews(source: ManuscriptDocument, translation: ManuscriptDocument): SectionReview[] {
  const recorded = recordedFingerprints(translation, REVIEW_FINGERPRINTS_KEY);
  const translated = new Map(fingerprintUnits(translation).map((unit) => [unit.key, unit]));
  return fingerprintUnits(source)
    .filter((unit) => isUnitTranslated(translation, unit.key))
    .map((unit) => {
      const review = reviewOf(translation, unit.key);
      const fingerprint = reviewFingerprint(unit, translated.get(unit.key));
      if (review.status === 'draft') return { key: unit.key, review, state: 'draft', changed: [], fingerprint };
      const was = recorded.get(unit.key);
      if (was === fingerprint) return { key: unit.key, review, state: 'current', changed: [], fingerprint };
      const [english, target] = was?.split('-') ?? [];
      const changed: SectionReview['changed'] = was === undefined ? ['unrecorded'] : [];
      if (was !== undefined && english !== unit.hash) changed.push('english');
      if (was !== undefined && target !== fingerprint.split('-')[1]) changed.push('translation');
      return { key: unit.key, review, state: 'outdated', changed, fingerprint };
    });
}

function reviewFingerprint(source: FingerprintUnit, translation: FingerprintUnit | undefined): string {
  return `${source.hash}-${translation?.hash ?? '000000000000'}`;
}

function isStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && (REVIEW_STATUSES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: value.trim() } as Partial<Record<K, string>>) : {};
}
