import { formatPlace, type Diagnostic } from './diagnostic.js';

/** Human-readable report: one paragraph per diagnostic, most severe first within a file. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const head = `${formatPlace(d)}: ${d.severity}: ${d.message} [${d.ruleId}]`;
      const related = d.related ? `\n  see ${formatPlace(d.related)}` : '';
      const detail = d.detail ? `\n${indent(d.detail)}` : '';
      return head + related + detail;
    })
    .join('\n');
}

export function summarise(diagnostics: readonly Diagnostic[]): string {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  const infos = count('info');
  return `${count('error')} error(s), ${count('warning')} warning(s)${infos > 0 ? `, ${infos} info` : ''}`;
}

/** Stable machine-readable form for `--json`: sorted, with explicit nulls for absent positions. */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): object[] {
  return sortDiagnostics(diagnostics).map((d) => ({
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    related: d.related ? { file: d.related.file, line: d.related.line ?? null, column: d.related.column ?? null } : null,
  }));
}

/** By file, line, column, rule and message, comparing code units (not the locale): the same order everywhere. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      byCodeUnits(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byCodeUnits(a.ruleId, b.ruleId) ||
      byCodeUnits(a.message, b.message),
  );
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
