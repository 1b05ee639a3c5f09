import type { Element } from 'hast';
import { h } from 'hastscript';
import { formatPlace, sortDiagnostics, summarise, type Diagnostic } from '../diagnostics/index.js';

export const OVERLAY_ID = 'parallel-press-overlay';

/**
 * The check diagnostics as a panel over the preview, the same text `check` prints. A <details>
 * element, so it folds without script; open when there are errors, folded for warnings only.
 */
export function diagnosticsOverlay(diagnostics: readonly Diagnostic[]): Element | undefined {
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length === 0) return undefined;
  const errors = shown.filter((d) => d.severity === 'error').length;
  return h(
    'details',
    { id: OVERLAY_ID, className: [errors > 0 ? 'has-errors' : 'has-warnings'], open: errors > 0, dataErrors: String(errors) },
    [
      h('summary', `parallel-press check: ${summarise(shown)}`),
      h(
        'ol',
        sortDiagnostics(shown).map((d) =>
          h('li', { className: [d.severity] }, [
            h('code', { className: ['place'] }, formatPlace(d)),
            ' ',
            h('strong', d.severity),
            ': ',
            d.message,
            ' ',
            h('span', { className: ['rule'] }, `[${d.ruleId}]`),
            d.related ? h('div', { className: ['related'] }, ['see ', h('code', formatPlace(d.related))]) : null,
            d.detail ? h('pre', d.detail) : null,
          ]),
        ),
      ),
    ],
  );
}
