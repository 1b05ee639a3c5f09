import type { Element, ElementContent, Root } from 'xast';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import type { InlinePart } from './inline-parts.js';
import type { ChapterUnit } from './units.js';
import type { PlacedTerm } from '../config/glossary-schema.js';
import { unitGlossary } from './glossary.js';
import { GLS_NS, META_CATEGORY, MDA_NS, XLIFF_NS } from './vocabulary.js';

export interface XliffChapter {
  /** The chapter file name, e.g. `01-river.md`: the `<file id>`. */
  name: string;
  sourcePath: string;
  translationPath: string;
  status: string;
  units: ChapterUnit[];
}

/** One XLIFF 2.0 document with a `<file>` per chapter, built as xast (no string concatenation). */
export function writeXliff(srcLang: string, trgLang: string, chapters: readonly XliffChapter[], glossary: readonly PlacedTerm[] = []): string {
  const glossaryOf = (unit: ChapterUnit) => unitGlossary(unit.source, glossary, trgLang);
  const root: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      { type: 'text', value: '\n' },
      indent(x('xliff', { xmlns: XLIFF_NS, 'xmlns:mda': MDA_NS, ...(glossary.length > 0 ? { 'xmlns:gls': GLS_NS } : {}), version: '2.0', srcLang, trgLang }, chapters.map((chapter) => fileElement(chapter, glossaryOf))), 0),
      { type: 'text', value: '\n' },
    ],
  };
  return toXml(root, { closeEmptyElements: true });
}

function fileElement(chapter: XliffChapter, glossaryOf: (unit: ChapterUnit) => Element | undefined): Element {
  return x('file', { id: chapter.name, original: chapter.sourcePath, canResegment: 'no' }, [
    metadata({ translation: chapter.translationPath, status: chapter.status }),
    ...chapter.units.map((unit) => unitElement(unit, glossaryOf(unit))),
  ]);
}

function unitElement(unit: ChapterUnit, glossary: Element | undefined): Element {
  const codes = new CodeNumbering();
  const source = inlineContent(unit.source, codes.forSource());
  const target = unit.target ? inlineContent(unit.target, codes.forTarget()) : undefined;
  const notes: Element[] = [x('note', { category: 'location', appliesTo: 'source' }, `${unit.sourcePlace.file}:${unit.sourcePlace.line}`)];
  if (unit.stale) {
    notes.push(x('note', { category: 'stale', priority: '1' }, `The English of section ${unit.sectionKey} changed after this translation was made: check the target against the source and confirm it.`));
  }
  if (unit.condition) {
    notes.push(x('note', { category: 'condition' }, `Shown only in the editions that ${unit.condition} selects: keep the same condition around the translation (${unit.condition} … :::).`));
  }
  if (unit.slot.kind === 'none') notes.push(x('note', { category: 'import' }, `A target for this unit cannot be imported yet: ${unit.slot.reason}.`));
  return x('unit', { id: unit.id }, [
    metadata({ section: unit.sectionKey, ...(unit.fingerprint === '' ? {} : { 'source-fingerprint': unit.fingerprint }) }),
    ...(glossary ? [glossary] : []),
    x('notes', notes),
    ...(codes.data.size > 0 ? [x('originalData', [...codes.data].map(([data, id]) => x('data', { id }, data)))] : []),
    x('segment', { state: unit.state }, [x('source', source), ...(target ? [x('target', target)] : [])]),
  ]);
}

function metadata(values: Record<string, string>): Element {
  return x('mda:metadata', [x('mda:metaGroup', { category: META_CATEGORY }, Object.entries(values).map(([type, value]) => x('mda:meta', { type }, value)))]);
}

interface Numbering {
  codeId: (part: Exclude<InlinePart, { kind: 'text' }>) => string;
  dataId: (markdown: string) => string;
}

/**
 * Code ids are shared by source and target where they stand for the same thing: the n-th code of
 * a kind in the target takes the id of the n-th code of that kind in the source. Each distinct
 * piece of markdown is one `<data>`.
 */
class CodeNumbering {
  readonly data = new Map<string, string>();
  private readonly sourceIds = new Map<string, string[]>();
  private count = 0;

  forSource(): Numbering {
    return {
      codeId: (part) => {
        const id = String(++this.count);
        this.sourceIds.set(part.role.subType, [...(this.sourceIds.get(part.role.subType) ?? []), id]);
        return id;
      },
      dataId: (markdown) => this.dataId(markdown),
    };
  }

  forTarget(): Numbering {
    const available = new Map([...this.sourceIds].map(([kind, ids]) => [kind, [...ids]]));
    return {
      codeId: (part) => available.get(part.role.subType)?.shift() ?? String(++this.count),
      dataId: (markdown) => this.dataId(markdown),
    };
  }

  private dataId(markdown: string): string {
    let id = this.data.get(markdown);
    if (!id) {
      id = `d${this.data.size + 1}`;
      this.data.set(markdown, id);
    }
    return id;
  }
}

function inlineContent(parts: readonly InlinePart[], numbering: Numbering): ElementContent[] {
  return parts.map((part): ElementContent => {
    if (part.kind === 'text') return { type: 'text', value: part.value };
    const id = numbering.codeId(part);
    const role = { type: part.role.type, subType: part.role.subType, ...(part.role.canDelete ? {} : { canDelete: 'no' }) };
    if (part.kind === 'ph') {
      const disp = part.role.subType === 'pp:code' || part.role.subType === 'pp:footnote' ? { disp: part.data } : {};
      return x('ph', { id, dataRef: numbering.dataId(part.data), ...role, ...disp });
    }
    const start = numbering.dataId(part.start);
    const end = numbering.dataId(part.end);
    return x('pc', { id, dataRefStart: start, dataRefEnd: end, ...role }, inlineContent(part.children, numbering));
  });
}

const STRUCTURAL = new Set(['xliff', 'file', 'unit', 'mda:metadata', 'mda:metaGroup', 'gls:glossary', 'gls:glossEntry', 'notes', 'originalData', 'segment']);

/** Line breaks and indentation between structural elements only: inline content keeps its exact text. */
function indent(element: Element, depth: number): Element {
  if (!STRUCTURAL.has(element.name)) return element;
  const inner = '\n' + '  '.repeat(depth + 1);
  const children: ElementContent[] = [];
  for (const child of element.children) {
    children.push({ type: 'text', value: inner }, child.type === 'element' ? indent(child, depth + 1) : child);
  }
  if (children.length > 0) children.push({ type: 'text', value: '\n' + '  '.repeat(depth) });
  return { ...element, children };
}
