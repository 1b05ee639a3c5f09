import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { FIXTURES } from './cli.js';

export const XLIFF_SCHEMA = path.join(FIXTURES, 'xliff/schema/xliff-core-2.0.xsd');

let validator: XsdValidator | undefined;

/**
 * Validates XML against the OASIS XLIFF 2.0 core schema with libxml2 (wasm). The schema is parsed
 * from its file URL so its import of xml.xsd resolves; it is compiled once per test file.
 * Returns libxml2's messages, empty when valid.
 */
export async function schemaErrors(xml: string): Promise<string[]> {
  if (!validator) {
    xmlRegisterFsInputProviders();
    const schema = XmlDocument.fromBuffer(await readFile(XLIFF_SCHEMA), { url: XLIFF_SCHEMA });
    validator = XsdValidator.fromDoc(schema);
  }
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((d) => `${d.line}:${d.col} ${d.message.trim()}`);
    throw error;
  } finally {
    doc.dispose();
  }
}

/** An XLIFF file as an xast tree, to read and edit the way a CAT tool would (through XML, not text). */
export async function readXliffTree(file: string): Promise<Root> {
  return fromXml(await readFile(file, 'utf8'));
}

export async function writeXliffTree(file: string, tree: Root): Promise<void> {
  await writeFile(file, toXml(tree));
}

export function elements(node: Root | Element, name: string): Element[] {
  const out: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.name === name) out.push(child);
    out.push(...elements(child, name));
  }
  return out;
}

export function unit(tree: Root, id: string): Element {
  const found = elements(tree, 'unit').find((u) => u.attributes.id === id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
}

export function segment(tree: Root, id: string): Element {
  const found = elements(unit(tree, id), 'segment')[0];
  if (!found) throw new Error(`no segment in unit ${id}`);
  return found;
}

export function part(tree: Root, id: string, name: 'source' | 'target'): Element | undefined {
  return elements(segment(tree, id), name)[0];
}

/** Replaces (or adds) the target of a unit, as a translator's CAT tool would. */
export function setTarget(tree: Root, id: string, children: ElementContent[], state?: string): void {
  const seg = segment(tree, id);
  const target = part(tree, id, 'target');
  if (target) target.children = children;
  else seg.children.push({ type: 'element', name: 'target', attributes: {}, children });
  if (state) seg.attributes.state = state;
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

export function element(name: string, attributes: Record<string, string>, children: ElementContent[] = []): Element {
  return { type: 'element', name, attributes, children };
}

export function code(name: 'ph' | 'pc' | 'sc' | 'ec', attributes: Record<string, string>, children: ElementContent[] = []): Element {
  return element(name, attributes, children);
}

/** The text of a node, codes left out. */
export function textOf(node: Element | undefined): string {
  if (!node) return '';
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}
