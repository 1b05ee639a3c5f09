import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** The bookmarks, depth first: title, depth (0 at the top) and the page (from 1) each points at. */
export function outlineEntries(document: PDFDocument): { title: string; depth: number; page: number | undefined }[] {
  const pageOf = pageNumbers(document);
  const entries: { title: string; depth: number; page: number | undefined }[] = [];
  const walk = (item: PDFDict | undefined, depth: number) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'));
      const target = node.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
      entries.push({ title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '', depth, page: target instanceof PDFRef ? pageOf.get(target.toString()) : undefined });
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return entries;
}

export function outlineTitles(document: PDFDocument): string[] {
  return outlineEntries(document).map((entry) => entry.title);
}

/**
 * The tagged structure as a reader of it meets it: every element's type and page in tree order, the
 * marked-content references under them, and how many pages name a parent-tree key the tree lacks,
 * or elements a parent other than the one holding them (both 0 in a sound tree).
 */
export function structureOutline(document: PDFDocument): { elements: string[]; markedContent: number; pagesWithoutKey: number; wrongParents: number } {
  const context = document.context;
  const pageOf = pageNumbers(document);
  const elements: string[] = [];
  let markedContent = 0;
  let wrongParents = 0;
  const walk = (object: PDFObject | undefined, parent: PDFRef | undefined) => {
    const dict = object instanceof PDFRef ? context.lookup(object) : object;
    if (dict instanceof PDFNumber) markedContent++;
    if (!(dict instanceof PDFDict)) return;
    const type = dict.get(PDFName.of('Type'));
    if (type === PDFName.of('MCR')) markedContent++;
    if (type === PDFName.of('MCR') || type === PDFName.of('OBJR')) return;
    const page = dict.get(PDFName.of('Pg'));
    if (parent && dict.get(PDFName.of('P')) !== parent) wrongParents++;
    elements.push(`${String(dict.get(PDFName.of('S')))}${page instanceof PDFRef ? `@${pageOf.get(page.toString()) ?? '?'}` : ''}`);
    const kids = dict.get(PDFName.of('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []) walk(kid, object instanceof PDFRef ? object : undefined);
  };
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  walk(root?.get(PDFName.of('K')), undefined);
  const keys = new Set<number>();
  const collect = (node: PDFDict | undefined) => {
    const nums = node?.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; nums && i < nums.size(); i += 2) keys.add((nums.lookup(i) as PDFNumber).asNumber());
    const kids = node?.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) collect(kids.lookup(i) as PDFDict);
  };
  collect(root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  const pagesWithoutKey = document.getPages().filter((page) => {
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber);
    return key !== undefined && !keys.has(key.asNumber());
  }).length;
  return { elements, markedContent, pagesWithoutKey, wrongParents };
}

function pageNumbers(document: PDFDocument): Map<string, number> {
  return new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
}
