import type { Element, ElementContent } from 'xast';
import type { Diagnostic } from '../diagnostics/index.js';
import type { CodeRole, InlinePart } from './inline-parts.js';
import { at, attr, codePoint, localName } from './xml-tree.js';

/** A code seen in a `<source>` or `<target>`: its id, and whether a translation may drop it. */
export interface CodeSeen {
  kind: 'ph' | 'pc';
  canDelete: boolean;
  element: Element;
}

export interface InlineContext {
  /** The XLIFF file, for diagnostics. */
  file: string;
  unitId: string;
  /** The unit's `<originalData>`: data id → markdown. */
  data: Map<string, string>;
  diagnostics: Diagnostic[];
}

interface Frame {
  parts: InlinePart[];
  /** An open `<sc>` waiting for its `<ec>`. */
  open?: { id: string; start: string; role: CodeRole; element: Element };
}

/**
 * `<source>`/`<target>` content → parts. Every code must point at markdown in `<originalData>`;
 * `<sc>`/`<ec>` pairs (what some tools turn `<pc>` into) must nest; `<mrk>` annotations are kept
 * transparent. A broken code is a located error, never a guess.
 */
export function readInline(element: Element, context: InlineContext): { parts: InlinePart[]; codes: Map<string, CodeSeen> } | undefined {
  const before = context.diagnostics.length;
  const codes = new Map<string, CodeSeen>();
  const parts = readContent(element.children, context, codes, element);
  return context.diagnostics.length > before ? undefined : { parts, codes };
}

function readContent(children: readonly ElementContent[], context: InlineContext, codes: Map<string, CodeSeen>, container: Element): InlinePart[] {
  const stack: Frame[] = [{ parts: [] }];
  const top = () => stack.at(-1) ?? { parts: [] };
  for (const child of children) {
    if (child.type === 'text' || child.type === 'cdata') {
      top().parts.push({ kind: 'text', value: child.value });
      continue;
    }
    if (child.type !== 'element') continue;
    const name = localName(child);
    if (name === 'ph' || name === 'pc' || name === 'sc' || name === 'ec') {
      if (name !== 'ec' || attr(child, 'isolated') === 'yes') seeCode(child, name === 'ph' ? 'ph' : 'pc', context, codes);
    }
    switch (name) {
      case 'ph': {
        const data = dataOf(child, 'dataRef', context);
        if (data !== undefined) top().parts.push({ kind: 'ph', data, role: roleOf(child) });
        break;
      }
      case 'pc': {
        const start = dataOf(child, 'dataRefStart', context);
        const end = dataOf(child, 'dataRefEnd', context);
        const inner = readContent(child.children, context, codes, child);
        if (start !== undefined && end !== undefined) top().parts.push({ kind: 'pc', start, end, role: roleOf(child), children: inner });
        break;
      }
      case 'sc': {
        if (attr(child, 'isolated') === 'yes') {
          broken(context, child, `an isolated <sc id="${attr(child, 'id') ?? ''}"> (its <ec> is in another unit)`, 'every code opened and closed inside the same unit');
          break;
        }
        const start = dataOf(child, 'dataRef', context);
        if (start !== undefined) stack.push({ parts: [], open: { id: attr(child, 'id') ?? '', start, role: roleOf(child), element: child } });
        break;
      }
      case 'ec': {
        const frame = top();
        const ref = attr(child, 'startRef');
        if (!frame.open || frame.open.id !== ref) {
          const found = ref === undefined ? '<ec> without startRef' : `<ec startRef="${ref}">`;
          broken(context, child, frame.open ? `${found} while <sc id="${frame.open.id}"> is still open (codes overlap)` : `${found} with no open <sc id="${ref ?? ''}">`, 'each <ec> to close the most recent open <sc> of the same unit');
          break;
        }
        const end = dataOf(child, 'dataRef', context);
        stack.pop();
        if (end !== undefined) top().parts.push({ kind: 'pc', start: frame.open.start, end, role: frame.open.role, children: frame.parts });
        break;
      }
      case 'mrk':
        top().parts.push(...readContent(child.children, context, codes, child));
        break;
      case 'sm':
      case 'em':
        break;
      case 'cp': {
        const char = codePoint(child);
        if (char === undefined) broken(context, child, `<cp hex="${attr(child, 'hex') ?? ''}">`, 'a hexadecimal Unicode code point');
        else top().parts.push({ kind: 'text', value: char });
        break;
      }
      default:
        broken(context, child, `<${child.name}> inside <${container.name}>`, 'text and the inline codes <ph>, <pc>, <sc>/<ec>, <mrk>, <cp>');
    }
  }
  for (const frame of stack.slice(1)) {
    if (frame.open) broken(context, frame.open.element, `<sc id="${frame.open.id}"> that is never closed`, `an <ec startRef="${frame.open.id}"> in the same <${container.name}>`);
  }
  return stack[0]?.parts ?? [];
}

function seeCode(element: Element, kind: 'ph' | 'pc', context: InlineContext, codes: Map<string, CodeSeen>): void {
  const id = attr(element, 'id');
  if (id === undefined) return broken(context, element, `<${element.name}> without an id`, 'every code to keep the id it has in the exported file');
  if (codes.has(id)) return broken(context, element, `a second code with id "${id}"`, 'code ids unique within a <source> or <target> (copy a code with a new id)');
  codes.set(id, { kind, canDelete: attr(element, 'canDelete') !== 'no', element });
}

function dataOf(element: Element, attribute: string, context: InlineContext): string | undefined {
  const ref = attr(element, attribute);
  const data = ref === undefined ? undefined : context.data.get(ref);
  if (data === undefined) {
    const found = ref === undefined ? `<${element.name} id="${attr(element, 'id') ?? ''}"> without ${attribute}` : `${attribute}="${ref}" on <${element.name} id="${attr(element, 'id') ?? ''}">, which is not in <originalData>`;
    broken(context, element, found, `the ${attribute} the exported file gave this code (it restores the markdown)`);
  }
  return data;
}

function roleOf(element: Element): CodeRole {
  const type = attr(element, 'type');
  return {
    type: type === 'fmt' || type === 'link' || type === 'image' ? type : 'other',
    subType: attr(element, 'subType') ?? 'pp:markup',
    canDelete: attr(element, 'canDelete') !== 'no',
  };
}

function broken(context: InlineContext, element: Element, found: string, expected: string): void {
  context.diagnostics.push(at(context.file, element, 'xliff-inline-code', `Broken inline code in unit ${context.unitId}: found ${found}; expected ${expected}. Restore the code from the source (most CAT tools copy codes with a shortcut).`));
}
