import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { FootnoteDefinition, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { documentNotes } from '../manuscript/align.js';
import type { AlignedChapter, AlignedNote, ManuscriptDocument } from '../manuscript/model.js';
import { blocksToHast } from '../markdown/processor.js';

/**
 * Footnotes are endnotes of their chapter, numbered per language (1, 2… in order of first reference
 * in that language's file) and printed after the chapter's last row, note n of every language on
 * one aligned row. Chromium has no `float: footnote` and no page-foot area, so a note at the foot of
 * the page cannot be had; a note set under its row would cut into the aligned rows mid-page and
 * push the other columns apart. Endnotes keep the rows level and are themselves aligned units.
 */
const NOTES_TITLE: Record<string, string> = { en: 'Notes', vi: 'Chú thích', km: 'កំណត់សម្គាល់' };

/** The notes' rows are anchored as a section of their own (`--_notes--N`), beside the real ones. */
export const NOTES_SECTION = '_notes';

export function notesTitle(lang: string): string {
  return NOTES_TITLE[lang] ?? NOTES_TITLE.en ?? 'Notes';
}

function documentSlug(doc: ManuscriptDocument): string {
  return doc.path.replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
}

/** The id of note n of a document, and of its first reference: the two ends of the links. */
export function noteId(doc: ManuscriptDocument, n: number): string {
  return `fn-${documentSlug(doc)}-${n}`;
}
export function noteRefId(doc: ManuscriptDocument, n: number): string {
  return `fnref-${documentSlug(doc)}-${n}`;
}

const numbered = new WeakMap<RootContent, { doc: ManuscriptDocument; node: RootContent }>();

/**
 * A block with its footnote references replaced by links to the chapter's notes, numbered in the
 * document's own order. Remembered per node, so the rendered-block cache still hits.
 */
export function withNoteLinks(node: RootContent, doc: ManuscriptDocument): RootContent {
  const hit = numbered.get(node);
  if (hit && hit.doc === doc) return hit.node;
  const order = documentNotes(doc);
  const copy = structuredClone(node);
  const seen = new Set<number>();
  visit(copy, 'footnoteReference', (ref, index, parent) => {
    if (!parent || index === undefined) return;
    const n = order.indexOf(ref.identifier.toLowerCase()) + 1;
    if (n === 0) return;
    const link: Element = { type: 'element', tagName: 'a', properties: { href: `#${noteId(doc, n)}`, dataFootnoteRef: true, ...(seen.has(n) ? {} : { id: noteRefId(doc, n) }) }, children: [{ type: 'text', value: String(n) }] };
    seen.add(n);
    const replacement = { type: 'noteReference', data: { hName: 'sup', hChildren: [link] } };
    (parent.children as unknown[])[index] = replacement;
  });
  numbered.set(node, { doc, node: copy });
  return copy;
}

/**
 * Sanitising keeps only `data-footnote-ref` on a link (not a class, `role` or `epub:type`): the note
 * links are marked with it, and get their class and roles back once rendered.
 */
export function markNoteLinks(root: Root): void {
  visit(root, 'element', (element) => {
    if (element.tagName !== 'a' || element.properties.dataFootnoteRef === undefined) return;
    delete element.properties.dataFootnoteRef;
    element.properties.className = ['noteref'];
    element.properties.role = 'doc-noteref';
    element.properties['epub:type'] = 'noteref';
  });
}

/** Note n of a chapter in one language: its number linking back to the reference, then its text. */
export function renderNote(chapter: AlignedChapter, note: AlignedNote, lang: string): Element {
  const doc = chapter.documents[lang];
  const label = note.labels[lang];
  const definition = doc?.definitions.find((d): d is FootnoteDefinition => d.type === 'footnoteDefinition' && d.identifier.toLowerCase() === label);
  if (!doc || !definition) return h('aside', { className: ['note', 'untranslated'] }, '—');
  const n = note.number;
  const body = blocksToHast(definition.children.map((c) => withNoteLinks(c, doc)), doc.definitions, doc.file).children as ElementContent[];
  const back = h('a', { href: `#${noteRefId(doc, n)}`, className: ['note-number'], role: 'doc-backlink' }, `${n}.`);
  const first = body.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
  if (first) first.children.unshift(back, { type: 'text', value: ' ' });
  else body.unshift(back);
  return h('aside', { className: ['note'], id: noteId(doc, n), role: 'doc-footnote', 'epub:type': 'footnote' }, body);
}
