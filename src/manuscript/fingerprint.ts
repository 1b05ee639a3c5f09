import { createHash } from 'node:crypto';
import type { Node } from 'unist';
import { parse as parseYaml } from 'yaml';
import type { ManuscriptDocument, Section } from './model.js';

/** The fingerprint key of the lead: the title and the text before the first heading. */
export const LEAD_KEY = '_lead';

/** One fingerprinted unit of a source chapter: the lead, or a section with a heading id. */
export interface FingerprintUnit {
  key: string;
  section: Section | undefined;
  hash: string;
}

/**
 * A stable fingerprint of text a translator works from: sha256 over NFC text with every run of
 * whitespace collapsed (re-wrapping a paragraph changes nothing), first 12 hex digits. Parts are
 * joined with a separator, so moving a sentence from one paragraph to the next is a change.
 */
export function fingerprint(parts: readonly string[]): string {
  const text = parts.map((part) => part.normalize('NFC').replace(/\s+/gu, ' ').trim()).join('\n\u241e\n');
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * The units of a source document in order: `_lead` (always, covering the title, subtitle and the
 * blocks before the first heading) then every section with an id. Each block counts with its
 * markdown, so a changed link target or emphasis makes the section stale too.
 */
export function fingerprintUnits(doc: ManuscriptDocument): FingerprintUnit[] {
  const text = String(doc.file.value);
  const lead = doc.sections.find((s) => s.heading === undefined);
  const title = ['title', 'subtitle'].map((key) => `${key}: ${stringOrEmpty(doc.frontMatter[key])}`);
  const units: FingerprintUnit[] = [{ key: LEAD_KEY, section: lead, hash: fingerprint([...title, ...blockSources(text, lead)]) }];
  const seen = new Set<string>();
  for (const section of doc.sections) {
    if (!section.heading || section.id === '' || seen.has(section.id)) continue;
    seen.add(section.id);
    units.push({ key: section.id, section, hash: fingerprint([sourceOf(text, section.heading), ...blockSources(text, section)]) });
  }
  return units;
}

/** The key a section's fingerprint is recorded under in a translation's front matter. */
export function fingerprintKey(section: Section): string {
  return section.heading === undefined ? LEAD_KEY : section.id;
}

/**
 * The fingerprints recorded in a translation's front matter, exactly as written: read with YAML's
 * failsafe schema, so a hand-typed `0123456789ab` or `123e45678901` stays a string, not a number.
 */
export function recordedFingerprints(doc: ManuscriptDocument, key = 'fingerprints'): Map<string, string> {
  const out = new Map<string, string>();
  const front = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(String(doc.file.value));
  if (!front) return out;
  let data: unknown;
  try {
    data = parseYaml(front[1] ?? '', { schema: 'failsafe' });
  } catch {
    return out; // front-matter-yaml reports it
  }
  const recorded = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  if (recorded === null || typeof recorded !== 'object' || Array.isArray(recorded)) return out;
  for (const [key, value] of Object.entries(recorded)) {
    if (typeof value === 'string' && value !== '') out.set(key, value);
  }
  return out;
}

function blockSources(text: string, section: Section | undefined): string[] {
  return (section?.blocks ?? []).map((block) => sourceOf(text, block.node));
}

/** The markdown a node was parsed from (its position offsets index the NFC text). */
export function sourceOf(text: string, node: Node): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

function stringOrEmpty(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
