/** The id of the style sheet a layout-only stage adds to the print document (the prediction's columns, a measure's hidden parts). */
export const LAYOUT_STYLE_ID = 'pp-prediction';

/**
 * What a layout-only stage adds to the print document (its style sheet, the face samples'
 * attribute), for taking it out again before printing from the same page.
 */
export const PREDICTION_MARKS = { selector: `style#${LAYOUT_STYLE_ID}`, attribute: 'data-pp-face-sample' } as const;

/** Runs in the page: a style sheet at the end of the head (with `id`, when given). */
export function appendStyle({ css, id }: { css: string; id?: string }): void {
  const style = document.createElement('style');
  if (id) style.id = id;
  style.textContent = css;
  document.head.append(style);
}

/** `html` with a style sheet of the layout stage's own before `</head>`: taken out again by PREDICTION_MARKS. */
export function withLayoutStyle(html: string, css: string): string {
  // A function, so that no `$` of the style sheet is read as a replacement pattern.
  return html.replace('</head>', () => `<style id="${LAYOUT_STYLE_ID}">\n${css}\n</style></head>`);
}
