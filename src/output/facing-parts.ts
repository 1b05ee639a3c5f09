import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describeFaces } from '../layout/edition-fonts.js';
import { classNames, facingDocument, facingFrame, facingUnitsDocument, spreadPageBoxes, type FacingDocumentOptions } from '../layout/facing.js';
import type { RenderContext } from '../layout/render-context.js';
import { shell } from './book-parts.js';
import { serializeDocument, type DocumentParts } from './html-parts.js';

/**
 * The facing edition serialized with its units written once. A unit is the same element in the
 * document the spreads are measured from and in the book (same id, language and classes, and
 * printShell's text transforms act within it), so its HTML from the first serves every pass of the
 * second: the book's document is then its frame (front matter, anchor index) rendered anew and the
 * page boxes joined around the units' HTML. Only a unit that names the embedded faces reads
 * otherwise once the faces are known, and is rendered anew then. What comes out is exactly
 * serializeDocument(facingDocument(…)).
 */
export interface MeasuredDocument {
  document: DocumentParts;
  /** Each unit's HTML on its side, by its id there. */
  units: ReadonlyMap<string, string>;
  /** The faces the units were rendered naming (describeFaces). */
  faces: string;
}

/** The measure document (facingMeasureDocument, rendered with `context`) serialized, with the HTML of every unit in it. */
export function serializeMeasureDocument(root: Root, context: RenderContext): MeasuredDocument {
  return { document: serializeDocument(root), units: unitHtml(root, (element) => classNames(element).includes('facing-measure')), faces: describeFaces(context.fonts ?? []) };
}

/** serializeDocument(facingDocument(options)), its units' HTML taken from `measured` (the document rendered whole if one is missing). */
export function facingDocumentParts(options: FacingDocumentOptions, measured: MeasuredDocument): DocumentParts {
  const boxes = spreadPageBoxes(options);
  const frame = serializeDocument(facingFrame(options, []));
  const held = boxes.flatMap((box) => box.units);
  if (!frame.body || held.some((unit) => !measured.units.has(unit.id))) return serializeDocument(facingDocument(options));
  // The units that name the faces, when the faces are not those they were rendered with.
  const stale = describeFaces(options.context.fonts ?? []) === measured.faces ? [] : held.filter((unit) => unit.item.namesFaces);
  const units = stale.length === 0 ? measured.units : new Map([...measured.units, ...unitHtml(facingUnitsDocument(options, stale), (element) => element.tagName === 'body')]);
  const html = boxes.map(({ section, end, units: inBox }) => {
    const empty = toHtml(section);
    const close = empty.lastIndexOf('</');
    return `${empty.slice(0, close)}${inBox.map((unit) => units.get(unit.id) ?? '').join('')}${toHtml(end)}${empty.slice(close)}`;
  });
  // The anchor index is the frame's last child: the page boxes go before it.
  const body = [...frame.body.slice(0, -1), ...html, ...frame.body.slice(-1)];
  const { head, tail } = shell(frame);
  return { html: `${head}${body.join('')}${tail}`, head: frame.head, body };
}

/** The HTML of every element with an id directly inside an element `holds` picks, in a rendered document. */
function unitHtml(root: Root, holds: (element: Element) => boolean): Map<string, string> {
  const units = new Map<string, string>();
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (holds(child)) {
        for (const unit of child.children) if (unit.type === 'element' && typeof unit.properties.id === 'string') units.set(unit.properties.id, toHtml(unit));
      } else if (child.tagName === 'html' || child.tagName === 'body') {
        visit(child);
      }
    }
  };
  visit(root);
  return units;
}
