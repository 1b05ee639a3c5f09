import type { Element, Nodes } from 'xast';
import type { Diagnostic } from '../diagnostics/index.js';

/** Helpers over a parsed XLIFF tree. Names are matched by local name: CAT tools pick their own prefixes. */
export function localName(element: Element): string {
  return element.name.slice(element.name.indexOf(':') + 1);
}

/** An attribute's value (xast allows null for attributes without one). */
export function attr(element: Element, name: string): string | undefined {
  return element.attributes[name] ?? undefined;
}

export function childElements(element: Element, name?: string): Element[] {
  return element.children.filter((child): child is Element => child.type === 'element' && (name === undefined || localName(child) === name));
}

/** Every `unit` of a `file`, also inside `group`s (some tools group units on save). */
export function unitsOf(element: Element): Element[] {
  return childElements(element).flatMap((child) => (localName(child) === 'unit' ? [child] : localName(child) === 'group' ? unitsOf(child) : []));
}

export function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if (node.type === 'element' && localName(node) === 'cp') return codePoint(node) ?? '';
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child)).join('');
  return '';
}

/** `<cp hex="0007"/>`: a character XML cannot carry as text. */
export function codePoint(element: Element): string | undefined {
  const hex = attr(element, 'hex');
  const value = hex !== undefined && /^[0-9a-fA-F]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : Number.NaN;
  return Number.isNaN(value) || value > 0x10ffff ? undefined : String.fromCodePoint(value);
}

/** A diagnostic located at an element of an XLIFF file. */
export function at(file: string, node: Nodes | undefined, ruleId: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const start = node?.position?.start;
  return { file, ...(start ? { line: start.line, column: start.column } : {}), severity, ruleId, message };
}
