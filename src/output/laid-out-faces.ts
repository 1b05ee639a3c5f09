import type { Page } from 'puppeteer-core';
import { distinctFaces, faceOfPostScriptName, type EmbeddedFace } from '../layout/edition-fonts.js';
import { PREDICTION_MARKS } from './layout-marks.js';

/** Marks the text samples in the page (src attribute below); only the layout's own fonts answer. */
const SAMPLE = PREDICTION_MARKS.attribute;

/**
 * The faces of the laid-out text, as Chromium's platform fonts name them (the PostScript names the
 * PDF's fonts carry): asked of one element per style, language and script of its own text, since a
 * face is chosen by those; the printed PDF stays the truth the build checks this against.
 */
export async function laidOutFaces(page: Page): Promise<EmbeddedFace[]> {
  await page.evaluate(`(${markFaceSamples.toString()})(${JSON.stringify(SAMPLE)})`);
  const session = await page.createCDPSession();
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[${SAMPLE}]` });
    const answers = await Promise.all(nodeIds.map((nodeId) => session.send('CSS.getPlatformFontsForNode', { nodeId })));
    return distinctFaces(answers.flatMap((a) => a.fonts).map((font) => faceOfPostScriptName(font.postScriptName || font.familyName)));
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Runs in the page: marks the first element of every style, language and scripts that has text of its own. */
function markFaceSamples(attribute: string): void {
  const seen = new Set<string>();
  const scripts = (text: string) => [/\p{Script=Latin}/u, /\p{Script=Khmer}/u, /\p{Nd}/u, /[^\p{Script=Latin}\p{Script=Khmer}\p{Nd}\p{Zs}\p{Cc}]/u].map((r) => (r.test(text) ? 1 : 0)).join('');
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const own = Array.from(element.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('');
    if (own.trim() === '') continue;
    const style = getComputedStyle(element);
    const key = [style.fontFamily, style.fontWeight, style.fontStyle, style.fontSynthesis, element.closest('[lang]')?.getAttribute('lang') ?? '', scripts(own)].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    element.setAttribute(attribute, '');
  }
}
