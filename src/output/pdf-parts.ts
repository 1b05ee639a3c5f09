import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFPageLeaf, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';

/** A part of a book printed on its own (src/output/parted-print.ts), read back. */
export interface PdfPart {
  document: PDFDocument;
  /** Its first pages are empty stand-ins for the parts before it: the book's own pages start after them. */
  lead: number;
}

/**
 * Appends the parts after the first to `book` (the first part), as Chromium would have printed the
 * whole: each part's own pages, and with them its tagged structure (its elements go on under the
 * book's `Document` element, its marked-content keys after the book's), its named destinations and
 * its bookmarks (each part starts with a chapter, a top-level bookmark). False, `book` untouched,
 * when the parts do not meet: a part must end on the page before the next one's first own page.
 */
export function joinPdfParts(book: PDFDocument, parts: readonly PdfPart[]): boolean {
  const ends = [book, ...parts.map((p) => p.document)].map((d) => d.getPageCount());
  if (parts.some((part, n) => ends[n] !== part.lead || part.lead >= (ends[n + 1] ?? 0))) return false;
  const tags = new Set(subsetNames(book).map(([, name]) => name.slice(0, 6)));
  for (const part of parts) {
    retagSubsets(part.document, tags);
    appendPart(book, part);
  }
  return true;
}

/** Where a subset font's name is written: its font dictionaries' BaseFont, its descriptor's FontName. */
const NAME_KEYS = { Font: 'BaseFont', FontDescriptor: 'FontName' } as const;
const SUBSET = /^[A-Z]{6}\+/;

/** Every subset font name of a PDF, with the dictionary that holds it. */
function subsetNames(document: PDFDocument): [PDFDict, string][] {
  const names: [PDFDict, string][] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const type = object.get(PDFName.of('Type'));
    const key = type instanceof PDFName ? NAME_KEYS[type.decodeText() as keyof typeof NAME_KEYS] : undefined;
    const name = key && object.get(PDFName.of(key));
    if (name instanceof PDFName && SUBSET.test(name.decodeText())) names.push([object, name.decodeText()]);
  }
  return names;
}

/**
 * Gives the part's subset fonts tags no font of the book has: every print names its subsets from
 * AAAAAA+ on, and two different subsets under one name are what prepress checks reject (a viewer
 * may draw one with the other's glyphs).
 */
function retagSubsets(part: PDFDocument, taken: Set<string>): void {
  const renamed = new Map<string, string>();
  let counter = 0;
  const freshTag = () => {
    let tag: string;
    do {
      let n = counter++;
      tag = Array.from({ length: 6 }, () => {
        const letter = String.fromCharCode(65 + (n % 26));
        n = Math.floor(n / 26);
        return letter;
      }).join('');
    } while (taken.has(tag));
    taken.add(tag);
    return tag;
  };
  for (const [dict, name] of subsetNames(part)) {
    const old = name.slice(0, 6);
    const tag = renamed.get(old) ?? freshTag();
    renamed.set(old, tag);
    const type = dict.get(PDFName.of('Type'));
    const key = type instanceof PDFName ? NAME_KEYS[type.decodeText() as keyof typeof NAME_KEYS] : undefined;
    if (key) dict.set(PDFName.of(key), PDFName.of(`${tag}${name.slice(6)}`));
  }
}

function appendPart(book: PDFDocument, { document: part, lead }: PdfPart): void {
  const copier = PDFObjectCopier.for(part.context, book.context);
  const structure = structureOf(book);
  const partStructure = structureOf(part);
  // Marked-content keys of the part go on after the book's.
  const offset = structure?.nextKey ?? 0;
  for (const page of part.getPages().slice(lead)) {
    const ref = copier.copy(page.ref);
    const leaf = book.context.lookup(ref);
    if (!(leaf instanceof PDFPageLeaf)) throw new Error(`page ${ref.toString()} of a printed part is not a page`);
    shiftKey(leaf, 'StructParents', offset);
    const annotations = leaf.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annotations && i < annotations.size(); i++) {
      const annotation = annotations.lookup(i);
      if (annotation instanceof PDFDict) shiftKey(annotation, 'StructParent', offset);
    }
    book.addPage(PDFPage.of(leaf, ref, book));
  }
  if (structure && partStructure) {
    // The part's top elements are the book's Document element's children: cut from the part's root before copying, so it stays behind.
    const elements = partStructure.elements.map((element) => {
      const dict = part.context.lookup(element);
      if (dict instanceof PDFDict) dict.delete(PDFName.of('P'));
      return copier.copy(element);
    });
    for (const element of elements) {
      const dict = book.context.lookup(element);
      if (dict instanceof PDFDict) dict.set(PDFName.of('P'), structure.document);
    }
    const kids = structure.documentDict.get(PDFName.of('K'));
    structure.documentDict.set(PDFName.of('K'), book.context.obj([...(kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []), ...elements]));
    const nums = [...structure.nums, ...partStructure.nums.map(([key, value]): [number, PDFObject] => [key + offset, copier.copy(value)])];
    structure.parentTree.delete(PDFName.of('Kids'));
    structure.parentTree.set(PDFName.of('Nums'), book.context.obj(nums.flat()));
    structure.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(offset + partStructure.nextKey));
  }
  appendDestinations(book, part, copier);
  appendOutline(book, part, copier);
}

interface Structure {
  root: PDFDict;
  /** The `Document` element every other element descends from, and its dictionary. */
  document: PDFRef;
  documentDict: PDFDict;
  /** Its children. */
  elements: PDFObject[];
  parentTree: PDFDict;
  /** The parent tree's entries: marked-content key, then the element(s) it belongs to. */
  nums: [number, PDFObject][];
  nextKey: number;
}

/** The structure tree as Chromium writes it: one `Document` element at the root. */
function structureOf(document: PDFDocument): Structure | undefined {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const top = root?.get(PDFName.of('K'));
  const documentDict = root?.lookupMaybe(PDFName.of('K'), PDFDict);
  const parentTree = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  if (!root || !(top instanceof PDFRef) || !documentDict || !parentTree) return undefined;
  const kids = documentDict.get(PDFName.of('K'));
  const nextKey = root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
  return { root, document: top, documentDict, elements: kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [], parentTree, nums: numberTreeEntries(parentTree), nextKey };
}

/** Every entry of a number tree, its leaves in order. */
function numberTreeEntries(node: PDFDict): [number, PDFObject][] {
  const entries: [number, PDFObject][] = [];
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookup(i);
    if (key instanceof PDFNumber) entries.push([key.asNumber(), nums.get(i + 1)]);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) entries.push(...numberTreeEntries(kid));
  }
  return entries;
}

function shiftKey(dict: PDFDict, key: 'StructParents' | 'StructParent', offset: number): void {
  const value = dict.lookupMaybe(PDFName.of(key), PDFNumber);
  if (value) dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
}

/** The part's named destinations join the book's: the part's is the word on an element it prints. */
function appendDestinations(book: PDFDocument, part: PDFDocument, copier: PDFObjectCopier): void {
  const from = part.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!from) return;
  let into = book.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!into) {
    into = book.context.obj({});
    book.catalog.set(PDFName.of('Dests'), book.context.register(into));
  }
  for (const [name, value] of from.entries()) into.set(name, copier.copy(value));
}

/** The part's top-level bookmarks go on after the book's last one. */
function appendOutline(book: PDFDocument, part: PDFDocument, copier: PDFObjectCopier): void {
  const from = part.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const firstRef = from?.get(PDFName.of('First'));
  if (!from || !(firstRef instanceof PDFRef)) return;
  // Cut from the part's outline root before copying, so that it stays behind; the chain of siblings comes along.
  for (let item = from.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) item.delete(PDFName.of('Parent'));
  const first = copier.copy(firstRef);
  const last = copier.copy(from.get(PDFName.of('Last')) ?? firstRef);
  let outlines = book.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) {
    outlines = book.context.obj({ Type: 'Outlines' });
    book.catalog.set(PDFName.of('Outlines'), book.context.register(outlines));
  }
  const outlinesRef = book.catalog.get(PDFName.of('Outlines'));
  for (let ref: PDFObject | undefined = first; ref instanceof PDFRef; ref = book.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of('Next'))) {
    book.context.lookup(ref, PDFDict).set(PDFName.of('Parent'), outlinesRef as PDFRef);
  }
  const previous = outlines.get(PDFName.of('Last'));
  if (previous instanceof PDFRef) {
    book.context.lookup(previous, PDFDict).set(PDFName.of('Next'), first);
    book.context.lookup(first, PDFDict).set(PDFName.of('Prev'), previous);
  } else {
    outlines.set(PDFName.of('First'), first);
  }
  outlines.set(PDFName.of('Last'), last);
  const count = (dict: PDFDict) => dict.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0;
  outlines.set(PDFName.of('Count'), PDFNumber.of(count(outlines) + count(from)));
}
