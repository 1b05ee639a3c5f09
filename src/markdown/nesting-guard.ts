/**
 * Markdown the parser cannot take in reasonable time or stack: micromark recurses per nesting
 * level and resolves delimiter runs in quadratic time, so 20,000 `>` overflow the stack, 2,000
 * nested list items take minutes and a run of 20,000 `*` both. No book nests that deep: the limits
 * are far above any real manuscript and far below the trouble.
 */
export const MAX_NESTING = 50;
export const MAX_DELIMITER_RUN = 100;
/** Deeper indentation than this is nesting too (each list level indents 2–4 columns). */
const MAX_INDENT = 4 * MAX_NESTING;

export interface NestingProblem {
  line: number;
  column: number;
  message: string;
}

const CONTAINER_MARKER = /^[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;
const DELIMITER_RUN = new RegExp(`([*_~\`\\[\\]])\\1{${MAX_DELIMITER_RUN},}`);

export function nestingProblem(text: string): NestingProblem | undefined {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    let rest = line;
    let depth = 0;
    for (let match = CONTAINER_MARKER.exec(rest); match && depth <= MAX_NESTING; match = CONTAINER_MARKER.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
    }
    if (depth > MAX_NESTING) return { line: index + 1, column: 1, message: `Block quotes or lists nested more than ${MAX_NESTING} deep on one line: expected at most ${MAX_NESTING} levels (the markdown parser would run out of stack); flatten them` };
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (indent > MAX_INDENT && line.trim() !== '') return { line: index + 1, column: 1, message: `A line indented by ${indent} columns: expected at most ${MAX_INDENT} (more than ${MAX_NESTING} nested list levels take the markdown parser minutes); flatten the list` };
    const run = DELIMITER_RUN.exec(line);
    if (run) return { line: index + 1, column: run.index + 1, message: `A run of ${run[0].length} \`${run[1] ?? ''}\` characters: expected fewer than ${MAX_DELIMITER_RUN} (the markdown parser takes quadratic time on such runs); remove them or escape them in a code block` };
  }
  return undefined;
}
