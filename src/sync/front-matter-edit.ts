import { Document, isMap, isScalar, parseDocument } from 'yaml';

/**
 * Replaces (or adds) the `fingerprints` key of a markdown file's YAML front matter and leaves every
 * other byte of the file as it was: the `yaml` Document API locates the key's exact source range,
 * and only that range is rewritten. Returns undefined with a reason when the front matter is not a
 * YAML mapping (the file is then left alone).
 */
export function withFingerprints(text: string, fingerprints: ReadonlyMap<string, string>): { text: string } | { error: string } {
  return withFrontMatterMap(text, 'fingerprints', fingerprints);
}

/** The same for any top-level mapping of the front matter (`reviewFingerprints` too). */
export function withFrontMatterMap(text: string, key: string, entries: ReadonlyMap<string, string>): { text: string } | { error: string } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const eol = /\r\n|\r|\n/.exec(body)?.[0] ?? '\n';
  const block = new Document({ [key]: Object.fromEntries(entries) }).toString().replace(/\n/g, eol);
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(body);
  if (!open) return { text: `${bom}---${eol}${block}---${eol}${eol}${body}` };
  const close = /^---[ \t]*$/m.exec(body.slice(open[0].length));
  if (!close) return { error: 'the front matter has no closing `---` line' };
  const yamlText = body.slice(open[0].length, open[0].length + close.index);
  const rest = body.slice(open[0].length + close.index);
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) return { error: `the front matter is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? ''})` };
  if (doc.contents !== null && !isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value === null)) {
    return { error: 'the front matter is not a YAML mapping' };
  }
  const pair = isMap(doc.contents) ? doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  let edited: string;
  if (pair && isScalar(pair.key) && pair.key.range) {
    const start = pair.key.range[0];
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? pair.key.range[2];
    const end = Math.max(valueEnd, lineEnd(yamlText, pair.key.range[2]));
    const replaced = yamlText.slice(start, end);
    const replacement = /[\r\n]$/.test(replaced) ? block : block.slice(0, -eol.length);
    edited = yamlText.slice(0, start) + replacement + yamlText.slice(end);
  } else {
    const separator = yamlText === '' || /[\r\n]$/.test(yamlText) ? '' : eol;
    edited = yamlText + separator + block;
  }
  return { text: bom + open[0] + edited + rest };
}

/** The end of the line holding `index`, its line break included: a bare `fingerprints:` key ends there. */
function lineEnd(text: string, index: number): number {
  const found = /\r\n|\r|\n/.exec(text.slice(index));
  return found ? index + found.index + found[0].length : text.length;
}
