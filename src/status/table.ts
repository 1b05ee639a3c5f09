import type { BookProgress, ChapterProgress, LanguageProgress } from './progress.js';

const HEADER = ['chapter', 'status', 'sections', 'blocks', 'stale', 'unsynced', 'untranslated', 'missing', 'items', 'rows', 'notes', 'words'];

/**
 * The human view of `status`: one table per language (sections and blocks as translated/total,
 * stale sections, sections with no fingerprint yet, untranslated and missing blocks, list items,
 * table rows and footnotes as translated/total, words against the English), then the stale
 * sections by name so a translator knows where to look.
 */
export function formatProgress(progress: BookProgress): string {
  return progress.languages.map((language) => formatLanguage(language, progress.sourceLang)).join('\n\n');
}

function formatLanguage(language: LanguageProgress, sourceLang: string): string {
  const rows = language.chapters.map((chapter) => row(chapter.file, chapter.status, chapter));
  rows.push(row('total', language.status, { ...language.totals, staleSections: [] }));
  const header = [...HEADER.slice(0, -1), `words (${sourceLang})`];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((r) => (r[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  const stale = language.chapters.flatMap((c) => c.staleSections.map((id) => `${c.path ?? c.file}#${id}`));
  const lines = [`${language.lang} (${language.status})`, line(header), ...rows.map(line)];
  if (stale.length > 0) lines.push(`stale: ${stale.join(', ')}`);
  const needsReview = language.chapters.flatMap((c) => c.needsReview.map((id) => `${c.path ?? c.file}#${id}`));
  if (needsReview.length > 0) lines.push(`needs review again: ${needsReview.join(', ')}`);
  if (language.reviewers.length > 0) lines.push(`reviewed by: ${language.reviewers.join(', ')}`);
  return lines.join('\n');
}

function row(name: string, status: string, chapter: Pick<ChapterProgress, 'sections' | 'blocks' | 'items' | 'rows' | 'notes' | 'words' | 'staleSections'>): string[] {
  const { sections, blocks, items, rows, notes, words } = chapter;
  const units = (u: typeof items) => `${u.translated}/${u.total}`;
  return [
    name,
    status,
    `${sections.translated}/${sections.total}`,
    `${blocks.translated}/${blocks.total}`,
    String(sections.stale),
    String(sections.unsynced),
    String(blocks.untranslated),
    String(blocks.missing),
    units(items),
    units(rows),
    units(notes),
    `${words.translated} (${words.source})`,
  ];
}
