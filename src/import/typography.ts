import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Repair } from './repairs.js';

// Only quotes: dashes and ellipses in a capture are the author's, and "--" is rare in press text.
const curler = retext().use(retextSmartypants, { quotes: true, dashes: false, ellipses: false, backticks: false });

const SPACE_RUN = /[ \t\u00a0]{2,}/g;
const SPACED_HYPHEN = /(?<=\S) (?:-|--) (?=\S)/g;

/**
 * One paragraph's typography: surrounding and doubled spaces (often a non-breaking space left
 * beside a space by the web page), spaced hyphens between names or dates → spaced en dash
 * ("Vietnam - Cambodia" → "Vietnam – Cambodia"), straight quotes → curly ones (SmartyPants rules,
 * so "Cambodia's" → "Cambodia’s" and "…sustainability," → "…sustainability,”").
 */
export function normaliseTypography(text: string, line: number): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  // \s includes the non-breaking space (U+00A0) that web pages leave at paragraph ends.
  const trimmed = text.trim();
  for (const [where, space] of [['leading', /^\s+/.exec(text)?.[0]], ['trailing', /\s+$/.exec(text)?.[0]]] as const) {
    if (space === undefined || trimmed === '') continue;
    const nbsp = space.includes('\u00a0') ? ' (a non-breaking space)' : '';
    repairs.push({ line, kind: 'typography', message: `removed ${where} whitespace${nbsp}`, before: space, after: '' });
  }
  let result = trimmed.replace(SPACE_RUN, (run, offset: number) => {
    const nbsp = run.includes('\u00a0') ? ' (with a non-breaking space)' : '';
    repairs.push({ line, kind: 'typography', message: `collapsed ${run.length} spaces${nbsp} into one: "${around(trimmed, offset, run.length)}"` });
    return ' ';
  });
  result = result.replace(SPACED_HYPHEN, (dash, offset: number) => {
    repairs.push({ line, kind: 'typography', message: `replaced a spaced hyphen with an en dash: "${around(result, offset, dash.length)}"`, before: dash, after: ' – ' });
    return ' – ';
  });
  return curlQuotes(result, line, repairs);
}

function curlQuotes(text: string, line: number, repairs: Repair[]): { text: string; repairs: Repair[] } {
  if (!/["']/.test(text)) return { text, repairs };
  const curled = String(curler.processSync(text));
  if (curled.length !== text.length) throw new Error(`Quote curling changed the length of line ${line}`);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === curled[i]) continue;
    repairs.push({ line, kind: 'typography', message: `curled a straight quote: ${text[i]} → ${curled[i]} in "${around(curled, i, 1)}"`, before: text[i] ?? '', after: curled[i] ?? '' });
  }
  return { text: curled, repairs };
}

/** The words around a change, for a report an editor can find in the text. */
function around(text: string, offset: number, length: number): string {
  const before = text.slice(0, offset).split(/[ \t\u00a0]+/).slice(-2).join(' ');
  const after = text.slice(offset + length).split(/[ \t\u00a0]+/).slice(0, 2).join(' ');
  const change = text.slice(offset, offset + length).replace(/^\s{2,}$/, (run) => '␣'.repeat(run.length));
  return `${before}${change}${after}`.trim();
}
