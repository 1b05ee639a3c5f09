import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new UserError(
      doc.errors.map((error) => {
        const offset = error.pos[0];
        return located(source, lineCounter, offset, file, 'config-yaml', `Invalid YAML: ${error.message.split('\n')[0]}`);
      }),
    );
  }
  const result = bookSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new UserError(result.error.issues.flatMap((issue) => issueToDiagnostics(issue, doc, source, lineCounter, file)));
}

function issueToDiagnostics(
  issue: z.core.$ZodIssue,
  doc: Document,
  source: string,
  lineCounter: LineCounter,
  file: string,
): Diagnostic[] {
  const keyPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  if (issue.code === 'unrecognized_keys') {
    // One diagnostic per unknown key, at the key itself: that is the line to delete or fix.
    return issue.keys.map((key) => {
      const offset = keyOffset(doc, keyPath, key) ?? locate(doc, keyPath).offset;
      return located(source, lineCounter, offset, file, 'config-schema', unknownKeyMessage(doc, keyPath, key));
    });
  }
  const { offset, found } = locate(doc, keyPath);
  const where = keyPath.length > 0 ? `\`${keyPath.join('.')}\`` : 'the document';
  const expected = describeExpected(issue);
  const message = found ? `Invalid value at ${where}: expected ${expected}.` : `Missing ${where}: expected ${expected}.`;
  return [located(source, lineCounter, offset, file, 'config-schema', message)];
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

function describeExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'options' in issue && issue.options) return `one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
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

/** The offending line with its neighbours and a caret under the column. */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r?\n/);
  const width = String(line + 1).length;
  const out: string[] = [];
  for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}
