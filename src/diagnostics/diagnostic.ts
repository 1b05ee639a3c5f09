/**
 * A diagnostic is a user-facing finding about the book: where it is, what was found,
 * what was expected and how to fix it. User errors travel as values, never as stack traces.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Place {
  /** Path relative to the book directory (or absolute when outside it). */
  file: string;
  line?: number;
  column?: number;
}

export interface Diagnostic extends Place {
  severity: Severity;
  ruleId: string;
  message: string;
  /** A second location the message refers to, e.g. the English block a translation should match. */
  related?: Place;
  /** Extra lines shown under the message (a code frame, a hint). */
  detail?: string;
}

/** Thrown only to abort a command on user error; carries the diagnostics that explain it. */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('\n'));
    this.name = 'UserError';
    this.diagnostics = list;
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function formatPlace(place: Place): string {
  let text = place.file;
  if (place.line !== undefined) {
    text += `:${place.line}`;
    if (place.column !== undefined) text += `:${place.column}`;
  }
  return text;
}
