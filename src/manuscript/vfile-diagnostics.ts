import type { VFile } from 'vfile';
import type { Diagnostic } from '../diagnostics/index.js';

/** Converts the messages plugins left on a file into diagnostics (fatal → error, false → warning). */
export function vfileDiagnostics(file: VFile): Diagnostic[] {
  return file.messages.map((m) => ({
    file: file.path,
    ...(m.line !== undefined ? { line: m.line } : {}),
    ...(m.column !== undefined ? { column: m.column } : {}),
    severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
    ruleId: m.ruleId ?? 'markdown',
    message: m.reason,
  }));
}
