import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { CONFIG_LIMITS } from './limits.js';
import { bookSchema, EDITION_OPTIONS, type BookConfig } from './schema.js';

export const CONFIG_FILE = 'book.yaml';

/** Reads and validates BOOK_DIR/book.yaml; every problem becomes a located diagnostic with a code frame. */
export async function loadConfig(bookDir: string): Promise<BookConfig> {
  const file = path.join(bookDir, CONFIG_FILE);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError({
      file: CONFIG_FILE,
      severity: 'error',
      ruleId: 'config-missing',
      message: `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}): a book directory needs a book.yaml. Run the command in the book directory or pass it as BOOK_DIR.`,
    });
  }
  return parseConfig(source);
}

export function parseConfig(source: string, file = CONFIG_FILE): BookConfig {
  if (source.length > CONFIG_LIMITS.maxBytes) {
    throw new UserError({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      ruleId: 'config-too-large',
      message: `${file} is ${(source.length / 1024).toFixed(0)} KB: expected at most ${CONFIG_LIMITS.maxBytes / 1024} KB (a book's settings take a few KB); keep the manuscript in manuscript/ and translations/, not in ${file}`,
    });
  }
  return parseYamlWith(bookSchema, source, file, 'config');
}

/**
 * Parses YAML and validates it with a zod schema; every problem becomes a diagnostic at its line
 * with a code frame, under `PREFIX-yaml` (not YAML) or `PREFIX-schema` (wrong shape) rule ids.
 */
export function parseYamlWith<T extends z.ZodType>(schema: T, source: string, file: string, prefix: string): z.output<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new UserError(
      doc.errors.map((error) => {
        const offset = error.pos[0];
        return located(source, lineCounter, offset, file, `${prefix}-yaml`, `Invalid YAML: ${error.message.split('\n')[0]}`);
      }),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: CONFIG_LIMITS.aliases });
  } catch (error) {
    // The yaml package refuses an alias bomb (aliases of aliases, billions of nodes) while expanding it.
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    throw new UserError({ file, line: 1, column: 1, severity: 'error', ruleId: `${prefix}-yaml`, message: `Invalid YAML: ${message}: expected at most ${CONFIG_LIMITS.aliases} alias expansions; write the values out instead of \`*alias\` references` });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserError(result.error.issues.flatMap((issue) => issueToDiagnostics(issue, doc, source, lineCounter, file, `${prefix}-schema`)));
}

function issueToDiagnostics(
  issue: z.core.$ZodIssue,
  doc: Document,
  source: string,
  lineCounter: LineCounter,
  file: string,
  ruleId: string,
): Diagnostic[] {
  const keyPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    // One diagnostic per unknown key, at the key itself: that is the line to delete or fix.
    return issue.keys.map((key) => {
      const offset = keyOffset(doc, keyPath, key) ?? locate(doc, keyPath).offset;
      return located(source, lineCounter, offset, file, ruleId, unknownKeyMessage(doc, keyPath, key));
    });
  }
  const { offset, found } = locate(doc, keyPath);
  const where = keyPath.length > 0 ? `\`${keyPath.join('.')}\`` : 'the document';
  const expected = describeExpected(issue);
  const message = found ? `Invalid value at ${where}: expected ${expected}.${readAs(doc, keyPath)}` : `Missing ${where}: expected ${expected}.`;
  return [located(source, lineCounter, offset, file, ruleId, message)];
}

/**
 * An option of the other format gets named as such ("`layout` is an option of PDF editions"), with
 * what this edition's format takes; any other unknown key is a misspelling until shown otherwise.
 */
function unknownKeyMessage(doc: Document, keyPath: (string | number)[], key: string): string {
  const where = [...keyPath, key].join('.');
  const format = keyPath.length === 2 && keyPath[0] === 'editions' ? doc.getIn([...keyPath, 'format']) : undefined;
  if (format === 'pdf' || format === 'epub') {
    const options = EDITION_OPTIONS[format].join(', ');
    const other = format === 'pdf' ? 'epub' : 'pdf';
    if ((EDITION_OPTIONS[other] as readonly string[]).includes(key)) {
      return `Unknown key \`${where}\`: \`${key}\` is an option of ${FORMAT_NAMES[other]} editions; ${article(format)} ${FORMAT_NAMES[format]} edition takes: ${options}. Remove it, or make the edition \`format: ${other}\`.`;
    }
    return `Unknown key \`${where}\`: expected an option of ${article(format)} ${FORMAT_NAMES[format]} edition (${options}); check the spelling.`;
  }
  return `Unknown key \`${where}\`: expected no unknown keys (found "${key}"); check the spelling.`;
}

const FORMAT_NAMES = { pdf: 'PDF', epub: 'EPUB' } as const;
const article = (format: keyof typeof FORMAT_NAMES) => (format === 'epub' ? 'an' : 'a');

/** Where `key` itself is written in the map at `mapPath`, if it is. */
function keyOffset(doc: Document, mapPath: (string | number)[], key: string): number | undefined {
  const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

/** YAML reads some plain scalars as numbers or booleans (`0x0` is hexadecimal 0, `no` is false): say so. */
function readAs(doc: Document, keyPath: (string | number)[]): string {
  const node = doc.getIn(keyPath, true);
  if (!isScalar(node) || typeof node.value === 'string' || node.source === undefined) return '';
  const written = node.source;
  return written !== String(node.value) ? ` YAML reads \`${written.slice(0, 40)}\` as the ${typeof node.value} ${String(node.value)}: put it in quotes ("${written.slice(0, 40)}") if you mean the text.` : '';
}

function describeExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'options' in issue && issue.options) return `one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') {
    const messages = [...new Set(issue.errors.flat().map((e) => (e.code === 'invalid_value' ? describeExpected(e) : e.message)).filter((m) => !/^Invalid input/.test(m)))];
    if (messages.length > 0) return messages.join(', or ');
  }
  if (issue.code === 'unrecognized_keys') return `no unknown keys (found ${issue.keys.map((k) => `"${k}"`).join(', ')}); check the spelling`;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_type') return `${issue.expected}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `at least ${String(issue.minimum)} item(s)`;
  return issue.message.replace(/^Invalid string: must match pattern .*$/, 'a valid value');
}

/** Finds the YAML node for a path, falling back to the nearest existing ancestor. */
function locate(doc: Document, keyPath: (string | number)[]): { offset: number; found: boolean } {
  for (let depth = keyPath.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keyPath.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      const range = node.range as [number, number, number];
      // For a missing key inside a map, point at the map; for unknown keys, point at the key itself.
      if (depth === keyPath.length || !isMap(node)) return { offset: range[0], found: depth === keyPath.length };
      return { offset: range[0], found: false };
    }
  }
  return { offset: 0, found: false };
}

function located(source: string, lineCounter: LineCounter, offset: number, file: string, ruleId: string, message: string): Diagnostic {
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col, severity: 'error', ruleId, message, detail: codeFrame(source, line, col) };
}

/**
 * The offending line with its neighbours and a caret under the column, each cut to a readable
 * width around the caret: a 50 MB line must not become 50 MB of stderr.
 */
export function codeFrame(source: string, line: number, column: number): string {
  const width = String(line + 1).length;
  const span = CONFIG_LIMITS.excerptColumns;
  const from = Math.max(0, column - 1 - Math.floor(span / 2));
  const out: string[] = [];
  let at = lineStart(source, Math.max(1, line - 1));
  for (let n = Math.max(1, line - 1); n <= line + 1 && at <= source.length; n++) {
    const end = source.indexOf('\n', at);
    const text = source.slice(at, end === -1 ? source.length : end).replace(/\r$/, '');
    const shown = (from > 0 ? '…' : '') + text.slice(from, from + span) + (text.length > from + span ? '…' : '');
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${shown}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1 - from) + (from > 0 ? 1 : 0))}^`);
    if (end === -1) break;
    at = end + 1;
  }
  return out.join('\n');
}

/** Where line n (from 1) starts, without splitting a huge file into lines. */
function lineStart(source: string, n: number): number {
  let at = 0;
  for (let i = 1; i < n; i++) {
    const next = source.indexOf('\n', at);
    if (next === -1) return source.length;
    at = next + 1;
  }
  return at;
}
