import type { Element } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { VFileMessage } from 'vfile-message';
import type { Diagnostic } from '../diagnostics/index.js';
import type { InlinePart } from './inline-parts.js';
import { readInline, type InlineContext } from './read-inline.js';
import type { SegmentState } from './units.js';
import { META_CATEGORY, XLIFF_NS } from './vocabulary.js';
import { at, attr, childElements, localName, textOf, unitsOf } from './xml-tree.js';

export interface XliffUnit {
  id: string;
  element: Element;
  /** The source fingerprint of the unit's section at export time, if the metadata survived the CAT tool. */
  fingerprint: string | undefined;
  source: InlinePart[];
  target: InlinePart[] | undefined;
  state: SegmentState;
}

export interface XliffFile {
  id: string;
  element: Element;
  /** The translation file the export was made from (`translations/LANG/NAME`), if the metadata survived. */
  translation: string | undefined;
  units: XliffUnit[];
}

export interface XliffDocument {
  path: string;
  root: Element;
  srcLang: string;
  trgLang: string;
  files: XliffFile[];
}

const STATES: SegmentState[] = ['initial', 'translated', 'reviewed', 'final'];

/** Parses an XLIFF 2.0 file as returned by a CAT tool. Anything malformed is a located diagnostic. */
export function readXliff(path: string, text: string): { document: XliffDocument | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let tree;
  try {
    tree = fromXml(text);
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    const cause = error.cause instanceof Error ? error.cause.message : error.reason;
    const [first = '', ...frame] = cause.split('\n');
    diagnostics.push({
      file: path,
      ...(error.line !== undefined ? { line: error.line } : {}),
      ...(error.column !== undefined ? { column: error.column } : {}),
      severity: 'error',
      ruleId: 'xliff-malformed',
      message: `Malformed XML: ${first.replace(/ \(line \d+, column \d+\)$/, '')}; expected a well-formed XLIFF file (was it saved completely?)`,
      detail: frame.filter((line) => line.trim() !== '').join('\n'),
    });
    return { document: undefined, diagnostics };
  }
  const root = tree.children.find((child): child is Element => child.type === 'element');
  const prefix = root?.name.includes(':') ? `xmlns:${root.name.slice(0, root.name.indexOf(':'))}` : 'xmlns';
  const namespace = root ? (attr(root, prefix) ?? '') : '';
  if (!root || localName(root) !== 'xliff' || namespace !== XLIFF_NS || !(attr(root, 'version') ?? '').startsWith('2.')) {
    diagnostics.push(at(path, root, 'xliff-version', `Unexpected ${root ? `<${root.name} version="${attr(root, 'version') ?? ''}">` : 'document'}: expected an XLIFF 2.0 file (<xliff xmlns="${XLIFF_NS}" version="2.0">) as written by \`parallel-press xliff export\``));
    return { document: undefined, diagnostics };
  }
  const srcLang = attr(root, 'srcLang') ?? '';
  const trgLang = attr(root, 'trgLang') ?? '';
  if (trgLang === '') diagnostics.push(at(path, root, 'xliff-trglang', 'Missing trgLang on <xliff>: expected the language of the translation, e.g. trgLang="vi"'));
  const files = childElements(root, 'file').map((file) => ({
    id: attr(file, 'id') ?? '',
    element: file,
    translation: metaValue(file, 'translation'),
    units: unitsOf(file).flatMap((unit) => readUnit(path, unit, diagnostics) ?? []),
  }));
  return { document: { path, root, srcLang, trgLang, files }, diagnostics };
}

function readUnit(path: string, unit: Element, diagnostics: Diagnostic[]): XliffUnit | undefined {
  const id = attr(unit, 'id') ?? '';
  const data = new Map(childElements(unit, 'originalData').flatMap((original) => childElements(original, 'data')).map((d) => [attr(d, 'id') ?? '', textOf(d)]));
  const context: InlineContext = { file: path, unitId: id, data, diagnostics };
  const pieces = childElements(unit).filter((child) => localName(child) === 'segment' || localName(child) === 'ignorable');
  const source: InlinePart[] = [];
  const target: InlinePart[] = [];
  let translated = true;
  let state: SegmentState = 'final';
  let ok = true;
  for (const piece of pieces) {
    const sourceElement = childElements(piece, 'source')[0];
    const targetElement = childElements(piece, 'target')[0];
    const read = sourceElement ? readInline(sourceElement, context) : undefined;
    const written = targetElement ? readInline(targetElement, context) : undefined;
    if (!read || (targetElement && !written)) {
      ok = false;
      continue;
    }
    source.push(...read.parts);
    if (localName(piece) === 'segment') {
      const pieceState = STATES.find((s) => s === attr(piece, 'state')) ?? 'initial';
      if (STATES.indexOf(pieceState) < STATES.indexOf(state)) state = pieceState;
      if (!written) translated = false;
    }
    target.push(...(written?.parts ?? read.parts));
    if (written) {
      for (const [codeId, code] of read.codes) {
        if (!code.canDelete && !written.codes.has(codeId)) {
          ok = false;
          diagnostics.push(at(path, targetElement, 'xliff-inline-code', `Broken inline code in unit ${id}: the target lacks code ${codeId} (${data.get(attr(code.element, 'dataRef') ?? '') ?? code.kind}), which cannot be deleted; expected it somewhere in the target. Copy it from the source.`));
        }
      }
    }
  }
  if (!ok) return undefined;
  if (pieces.length === 0) state = 'initial';
  return { id, element: unit, fingerprint: metaValue(unit, 'source-fingerprint'), source, target: translated && pieces.length > 0 ? target : undefined, state };
}

function metaValue(element: Element, type: string): string | undefined {
  for (const metadata of childElements(element, 'metadata')) {
    for (const group of childElements(metadata, 'metaGroup')) {
      if (attr(group, 'category') !== META_CATEGORY) continue;
      const meta = childElements(group, 'meta').find((m) => attr(m, 'type') === type);
      if (meta) return textOf(meta).trim();
    }
  }
  return undefined;
}
