import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq } from 'yaml';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { parseYamlWith } from './load.js';
import { glossarySchema, type PlacedTerm } from './glossary-schema.js';

export const GLOSSARY_FILE = 'glossary.yaml';

export interface LoadedGlossary {
  terms: PlacedTerm[];
  diagnostics: Diagnostic[];
}

/**
 * Reads BOOK_DIR/glossary.yaml when there is one. A broken termbase is reported like book.yaml
 * (code frame, `glossary-yaml` / `glossary-schema`) but does not stop `check` from reporting the rest.
 */
export async function loadGlossary(bookDir: string): Promise<LoadedGlossary> {
  let source: string;
  try {
    source = await readFile(path.join(bookDir, GLOSSARY_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { terms: [], diagnostics: [] };
    return { terms: [], diagnostics: [{ file: GLOSSARY_FILE, severity: 'error', ruleId: 'glossary-yaml', message: `Cannot read ${GLOSSARY_FILE} (${(error as NodeJS.ErrnoException).code ?? 'error'}): expected a readable UTF-8 file` }] };
  }
  return parseGlossary(source);
}

export function parseGlossary(source: string, file = GLOSSARY_FILE): LoadedGlossary {
  try {
    const glossary = parseYamlWith(glossarySchema, source, file, 'glossary');
    const lines = termLines(source);
    return { terms: glossary.terms.map((term, index) => ({ ...term, line: lines[index] ?? 1 })), diagnostics: [] };
  } catch (error) {
    if (error instanceof UserError) return { terms: [], diagnostics: error.diagnostics };
    throw error;
  }
}

function termLines(source: string): number[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const terms = isMap(doc.contents) ? doc.contents.get('terms', true) : undefined;
  if (!isSeq(terms)) return [];
  return terms.items.map((item) => {
    const offset = (item as { range?: [number, number, number] }).range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  });
}
