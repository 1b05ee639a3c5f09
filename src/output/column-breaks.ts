/**
 * The page breaks of a print document's style sheets, restated as column breaks: every style rule
 * that sets `break-before`/`break-after` (or the legacy `page-break-*`) gets a twin with the same
 * selector, in the same order, whose value is `column` where the original forces a page (`page`,
 * `left`, `right`, `recto`, `verso`, `always`) and the original value otherwise. All twins are
 * `!important`, so among themselves they cascade exactly as the originals do (same selectors, same
 * order), and they win over the originals. Done on the CSS text, before the page loads, so that the
 * first layout Chromium does is already the one that is measured.
 */
export function columnBreakCss(cssTexts: readonly string[]): string {
  return cssTexts.map((css) => restate(css.replace(/\/\*[\s\S]*?\*\//g, ''))).join('\n');
}

const FORCED = new Set(['page', 'left', 'right', 'recto', 'verso', 'always']);

function restate(css: string): string {
  const out: string[] = [];
  for (const { prelude, block } of rules(css)) {
    if (prelude.startsWith('@media') || prelude.startsWith('@supports') || prelude.startsWith('@layer')) {
      const inner = restate(block);
      if (inner) out.push(`${prelude} {\n${inner}\n}`);
    } else if (!prelude.startsWith('@')) {
      const declarations = [...block.matchAll(/(?:^|;)\s*(?:page-)?break-(before|after)\s*:\s*([a-z-]+)/gi)].map(([, side, value]) => {
        const mapped = FORCED.has((value ?? '').toLowerCase()) ? 'column' : (value ?? 'auto').toLowerCase();
        return `break-${(side ?? 'before').toLowerCase()}: ${mapped === 'avoid-page' ? 'avoid-column' : mapped} !important;`;
      });
      if (declarations.length > 0) out.push(`${prelude} { ${declarations.join(' ')} }`);
    }
  }
  return out.join('\n');
}

/** Top-level rules of a style sheet: what precedes each `{`, and what is inside its matching `}`. */
function rules(css: string): { prelude: string; block: string }[] {
  const found: { prelude: string; block: string }[] = [];
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) break;
    let depth = 1;
    let close = open + 1;
    for (; close < css.length && depth > 0; close++) {
      if (css[close] === '{') depth++;
      else if (css[close] === '}') depth--;
    }
    // A statement at-rule (`@import …;`) before the prelude is not part of it.
    const prelude = css.slice(at, open).split(';').at(-1)?.trim() ?? '';
    found.push({ prelude, block: css.slice(open + 1, close - 1) });
    at = close;
  }
  return found;
}
