import { z } from 'zod';
import { bookSchema } from '../config/schema.js';

/** The part of JSON Schema that zod produces for book.yaml and that the reference reads. */
interface Schema {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minItems?: number;
}

export const START_MARKER = '<!-- config-reference:start — generated from src/config/schema.ts by `npm run docs:config`; edit the schema, not this -->';
export const END_MARKER = '<!-- config-reference:end -->';

/**
 * The book.yaml reference as markdown, straight from the zod schema (through zod's own JSON Schema
 * export): one table for the top level, one for each list of objects, one per shape of a list whose
 * items are one of several shapes (an edition per `format`), one for each nested object. The README
 * holds this text between the markers, and a test fails when it differs, so the reference cannot drift.
 */
export function configReference(): string {
  const root = z.toJSONSchema(bookSchema, { io: 'input' }) as Schema;
  const tables: string[] = [];
  const nested: Nested[] = [];
  tables.push(table({ title: 'book.yaml', heading: '### `book.yaml`', schema: root, prefix: '' }, nested));
  while (nested.length > 0) tables.push(table(nested.shift() as Nested, nested));
  return tables.join('\n\n');
}

interface Nested {
  /** The key path of the table's rows, e.g. `editions[]`. */
  prefix: string;
  heading: string;
  schema: Schema;
  title?: string;
}

function table({ heading, schema, prefix }: Nested, nested: Nested[]): string {
  const rows = Object.entries(schema.properties ?? {}).map(([key, field]) => {
    const path = `${prefix}${prefix ? '.' : ''}${key}`;
    nested.push(...nestedTables(path, field));
    const required = schema.required?.includes(key) ?? false;
    const presence = field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : required ? '**required**' : 'optional';
    return `| \`${key}\` | ${typeName(field, path)} | ${presence} | ${field.description ?? ''} |`;
  });
  const intro = prefix !== '' && schema.description ? `\n\n${schema.description}` : '';
  return `${heading}${intro}\n\n| key | type | | meaning |\n| --- | --- | --- | --- |\n${rows.join('\n')}`;
}

/** The tables a field needs of its own: its list items' shape(s), or its object's keys. */
function nestedTables(path: string, field: Schema): Nested[] {
  const items = field.type === 'array' ? field.items : undefined;
  if (items?.type === 'object' && items.properties) return [{ prefix: `${path}[]`, heading: `### \`${path}[]\`: each item`, schema: items }];
  const shapes = items?.oneOf ?? [];
  if (shapes.length > 0) {
    return shapes.map((shape) => {
      const [key, value] = Object.entries(shape.properties ?? {}).find(([, p]) => p.const !== undefined) ?? ['', {}];
      return { prefix: `${path}[]`, heading: `### \`${path}[]\` with \`${key}: ${String(value.const)}\``, schema: shape };
    });
  }
  if (field.type === 'object' && field.properties) return [{ prefix: path, heading: `### \`${path}\``, schema: field }];
  return [];
}

function typeName(schema: Schema, path: string): string {
  if (schema.title) return schema.title;
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map((option) => typeName(option, path)).join(' \\| ');
  if (schema.type === 'array') {
    const items = schema.items;
    const objects = (items?.type === 'object' && items.properties) || items?.oneOf;
    const of = objects ? `objects (see \`${path}[]\`)` : items ? typeName(items, path) : 'values';
    return `list of ${plural(of)}${schema.minItems ? `, at least ${schema.minItems}` : ''}`;
  }
  if (schema.type === 'object' && schema.properties) return `object (see \`${path}\`)`;
  return schema.type === 'string' ? 'text' : (schema.type ?? 'value');
}

function plural(noun: string): string {
  return /^[a-z ]+[^s]$/.test(noun) ? `${noun}s` : noun;
}

/** `readme` with the text between the markers replaced by `reference`. */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end < start) throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} section`);
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${reference}\n\n${readme.slice(end)}`;
}
