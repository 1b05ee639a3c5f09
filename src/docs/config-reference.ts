import { z } from 'zod';
import { bookSchema } from '../config/schema.js';

/** The part of JSON Schema that zod produces for book.yaml and that the reference reads. */
interface Schema {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minItems?: number;
}

export const START_MARKER = '<!-- config-reference:start — generated from src/config/schema.ts by `npm run docs:config`; edit the schema, not this -->';
export const END_MARKER = '<!-- config-reference:end -->';

/**
 * The book.yaml reference as markdown, straight from the zod schema (through zod's own JSON Schema
 * export): one table for the top level, one for each list of objects. The README holds this text
 * between the markers, and a test fails when it differs, so the reference cannot drift.
 */
export function configReference(): string {
  const root = z.toJSONSchema(bookSchema, { io: 'input' }) as Schema;
  const tables: string[] = [];
  const nested: [string, Schema][] = [];
  tables.push(table('book.yaml', root, '', nested));
  while (nested.length > 0) {
    const [name, schema] = nested.shift() as [string, Schema];
    tables.push(table(name, schema, name, nested));
  }
  return tables.join('\n\n');
}

function table(title: string, schema: Schema, prefix: string, nested: [string, Schema][]): string {
  const rows = Object.entries(schema.properties ?? {}).map(([key, field]) => {
    const path = `${prefix}${prefix ? '.' : ''}${key}`;
    if (field.type === 'array' && field.items?.type === 'object' && field.items.properties) nested.push([`${path}[]`, field.items]);
    const required = schema.required?.includes(key) ?? false;
    const presence = field.default !== undefined ? `default \`${JSON.stringify(field.default)}\`` : required ? '**required**' : 'optional';
    return `| \`${key}\` | ${typeName(field, path)} | ${presence} | ${field.description ?? ''} |`;
  });
  const heading = prefix === '' ? `### \`${title}\`` : `### \`${title}\`: each item`;
  const intro = prefix !== '' && schema.description ? `\n\n${schema.description}` : '';
  return `${heading}${intro}\n\n| key | type | | meaning |\n| --- | --- | --- | --- |\n${rows.join('\n')}`;
}

function typeName(schema: Schema, path: string): string {
  if (schema.title) return schema.title;
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map((option) => typeName(option, path)).join(' \\| ');
  if (schema.type === 'array') {
    const items = schema.items;
    const of = items?.type === 'object' && items.properties ? `objects (see \`${path}[]\`)` : items ? typeName(items, path) : 'values';
    return `list of ${plural(of)}${schema.minItems ? `, at least ${schema.minItems}` : ''}`;
  }
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
