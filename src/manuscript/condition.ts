import type { Nodes } from 'mdast';

/**
 * Conditional content: `:::only{languages=km}` … `:::` keeps a block, `:only[phrase]{format=epub}`
 * a phrase, only in the editions that match; `:::except{…}` and `:except[…]{…}` keep them in the
 * others. Every attribute given must match (and); a comma list gives alternatives (or), except for
 * `languages`, which is the edition's language set exactly, in any order: `languages=en,vi` matches
 * an edition of English and Vietnamese, not the trilingual ones (a book says different things to the
 * reader of one, two or three languages, and "at least" could not tell them apart).
 */
export interface Condition {
  keep: 'only' | 'except';
  languages?: readonly string[];
  format?: readonly string[];
  layout?: readonly string[];
  id?: readonly string[];
}

export const CONDITION_KEYS = ['languages', 'format', 'layout', 'id'] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];
export const CONDITION_VALUES: Partial<Record<ConditionKey, readonly string[]>> = {
  format: ['pdf', 'epub'],
  layout: ['columns', 'interleaved', 'facing'],
};

const NAMES = new Set(['only', 'except']);

/** Whether a node is a conditional container (a block) or text directive (a phrase). */
export function isConditional(node: Nodes): node is Extract<Nodes, { type: 'containerDirective' | 'textDirective' }> {
  return (node.type === 'containerDirective' || node.type === 'textDirective') && NAMES.has(node.name);
}

/** The condition of a conditional directive; undefined for any other node. */
export function conditionOf(node: Nodes): Condition | undefined {
  if (!isConditional(node)) return undefined;
  const attributes = node.attributes ?? {};
  const condition: { -readonly [K in keyof Condition]: Condition[K] } = { keep: node.name === 'except' ? 'except' : 'only' };
  for (const key of CONDITION_KEYS) {
    const value = attributes[key];
    if (typeof value === 'string') condition[key] = splitList(value);
  }
  return condition;
}

function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

/** One text per meaning: `only languages=en,vi` is the same condition as `only languages=vi,en`. */
export function conditionKey(condition: Condition | undefined): string {
  if (!condition) return 'none';
  const parts = CONDITION_KEYS.flatMap((key) => (condition[key] ? [`${key}=${[...(condition[key] ?? [])].sort().join(',')}`] : []));
  return `${condition.keep}{${parts.join(' ')}}`;
}

/** As a reader of a diagnostic or a translator would have it written: `:::only{languages=en,vi}`. */
export function describeCondition(condition: Condition | undefined, inline = false): string {
  if (!condition) return 'no condition';
  const parts = CONDITION_KEYS.flatMap((key) => (condition[key] ? [`${key}=${condition[key]?.join(',') ?? ''}`] : []));
  return `${inline ? ':' : ':::'}${condition.keep}{${parts.join(' ')}}`;
}

/** What is wrong with a conditional directive's attributes, or nothing. */
export function conditionProblems(node: Nodes): string[] {
  if (!isConditional(node)) return [];
  const attributes = node.attributes ?? {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (!(CONDITION_KEYS as readonly string[]).includes(key)) {
      problems.push(`Unexpected attribute \`${key}\` on \`${node.name}\`: expected ${CONDITION_KEYS.join(', ')}, e.g. \`:::${node.name}{languages=km}\``);
      continue;
    }
    const allowed = CONDITION_VALUES[key as ConditionKey];
    const items = splitList(String(value ?? ''));
    if (items.length === 0) problems.push(`Empty \`${key}\` on \`${node.name}\`: expected a value such as \`${key}=${allowed?.[0] ?? (key === 'languages' ? 'km' : 'trilingual-print')}\``);
    for (const item of items) {
      if (allowed && !allowed.includes(item)) problems.push(`Unexpected ${key} \`${item}\` on \`${node.name}\`: expected one of ${allowed.join(', ')}`);
    }
  }
  if (!CONDITION_KEYS.some((key) => key in attributes)) {
    problems.push(`\`${node.name}\` without a condition: expected at least one of ${CONDITION_KEYS.join(', ')}, e.g. \`:::${node.name}{languages=en,vi}\``);
  }
  return problems;
}
