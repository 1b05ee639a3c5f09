import type { Page } from 'puppeteer-core';
import { bodyEdits, type DocumentParts } from './html-parts.js';
import { untilAborted } from './stage-signal.js';

/**
 * Turns the document loaded in `page` from `loaded` into `next` in place: the elements named by
 * `remove` (the prediction's style sheet, its marks) go, and only the body children that differ are
 * replaced (src/output/html-parts.ts). False, with the page untouched, when the two cannot be
 * patched one into the other (different heads, a body Chromium parsed into other children): the
 * caller then loads `next` afresh. Every face the document declares is loaded before returning, so
 * that text the patch brought in never prints in a fallback face.
 */
export async function patchLoadedPage(page: Page, loaded: DocumentParts, next: DocumentParts, remove: { selector: string; attribute: string }, signal: AbortSignal): Promise<boolean> {
  if (!loaded.body || !next.body || loaded.head !== next.head) return false;
  const edits = bodyEdits(loaded.body, next.body);
  const patched = await untilAborted(page.evaluate(`(${applyEdits.toString()})(${JSON.stringify({ expected: loaded.body.length, edits, remove })})`), signal);
  return patched === true;
}

/** Runs in the page: the edits, if the body is the one they were computed from; the faces loaded. */
async function applyEdits({ expected, edits, remove }: { expected: number; edits: { at: number; remove: number; insert: string[] }[]; remove: { selector: string; attribute: string } }): Promise<boolean> {
  const children = Array.from(document.body.children);
  if (children.length !== expected) return false;
  for (const edit of edits) {
    const before = children[edit.at];
    for (const html of edit.insert) {
      if (before) before.insertAdjacentHTML('beforebegin', html);
      else document.body.insertAdjacentHTML('beforeend', html);
    }
    children.slice(edit.at, edit.at + edit.remove).forEach((child) => child.remove());
  }
  document.querySelectorAll(remove.selector).forEach((element) => element.remove());
  document.querySelectorAll(`[${remove.attribute}]`).forEach((element) => element.removeAttribute(remove.attribute));
  const loading: Promise<unknown>[] = [];
  document.fonts.forEach((face) => {
    if (face.status === 'unloaded') loading.push(face.load().catch(() => undefined));
  });
  await Promise.all(loading);
  await document.fonts.ready;
  return true;
}
