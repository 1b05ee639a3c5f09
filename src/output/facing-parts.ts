import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { facingDocument, facingFrame, spreadPageBoxes, type FacingDocumentOptions } from '../layout/facing.js';
import { shell } from './book-parts.js';
import { serializeDocument, type DocumentParts } from './html-parts.js';

/**
 * The facing edition serialized with its units written once. A unit is the same element in the
 * document the spreads are measured from and in the book (same id, language and classes, and
 * printShell's text transforms act within it), so its HTML from the first serves every pass of the
 * second: the book's document is then its frame (front matter, anchor index) rendered anew and the
 * page boxes joined around the units' HTML. What comes out is exactly serializeDocument(facingDocument(…)).
 */
export interface MeasuredDocument {
  document: DocumentParts;
  /** Each unit's HTML on its side, by its id there. */
  units: ReadonlyMap<string, string>;
}

/** The measure document (facingMeasureDocument) serialized, with the HTML of every unit in it. */
export function serializeMeasureDocument(root: Root): MeasuredDocument {
  const units = new Map<string, string>();
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (hasClass(child, 'facing-measure')) {
        for (const unit of child.children) if (unit.type === 'element' && typeof unit.properties.id === 'string') units.set(unit.properties.id, toHtml(unit));
      } else if (child.tagName === 'html' || child.tagName === 'body') {
        visit(child);
      }
    }
  };
  visit(root);
  return { document: serializeDocument(root), units };
}

/** serializeDocument(facingDocument(options)), its units' HTML taken from `units` (the document rendered whole if one is missing). */
export function facingDocumentParts(options: FacingDocumentOptions, units: ReadonlyMap<string, string>): DocumentParts {
  const boxes = spreadPageBoxes(options);
  const frame = serializeDocument(facingFrame(options, []));
  if (!frame.body || boxes.some((box) => box.units.some((unit) => !units.has(unit.id)))) return serializeDocument(facingDocument(options));
  const html = boxes.map(({ section, end, units: held }) => {
    const empty = toHtml(section);
    const close = empty.lastIndexOf('</');
    return `${empty.slice(0, close)}${held.map((unit) => units.get(unit.id) ?? '').join('')}${toHtml(end)}${empty.slice(close)}`;
  });
  // The anchor index is the frame's last child: the page boxes go before it.
  const body = [...frame.body.slice(0, -1), ...html, ...frame.body.slice(-1)];
  const { head, tail } = shell(frame);
  return { html: `${head}${body.join('')}${tail}`, head: frame.head, body };
}

function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className;
  return Array.isArray(value) && value.includes(name);
}
