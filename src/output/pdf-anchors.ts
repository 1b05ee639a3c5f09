import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';

/**
 * The page (from 1) on which each linked element landed. Chromium writes a named destination for
 * every element that an in-document link points at (`<a href="#id">`, even a hidden one): that is
 * how the print learns where headings and rows fell, since CSS `target-counter()` does not work.
 */
export function anchorPages(document: PDFDocument): Map<string, number> {
  const pageOfRef = new Map<string, number>();
  document.getPages().forEach((page, index) => pageOfRef.set(page.ref.toString(), index + 1));
  const pages = new Map<string, number>();
  const record = (name: string, destination: PDFObject | undefined) => {
    const target = destination instanceof PDFDict ? destination.lookup(PDFName.of('D')) : destination;
    const first = target instanceof PDFArray ? target.get(0) : undefined;
    const page = first instanceof PDFRef ? pageOfRef.get(first.toString()) : undefined;
    if (page !== undefined) pages.set(name, page);
  };
  const catalog = document.catalog;
  const dests = catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) record(decodeName(key.asString()), dests?.lookup(key) ?? value);
  // PDF 1.2+ writers may use a name tree instead; walk it as well.
  const tree = catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (tree) walkNameTree(tree, record);
  return pages;
}

function walkNameTree(node: PDFDict, record: (name: string, value: PDFObject | undefined) => void): void {
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString) record(key.decodeText(), names.lookup(i + 1));
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i);
    if (kid instanceof PDFDict) walkNameTree(kid, record);
  }
}

/** `/ch-02#2Dx` → `ch-02-x`: names escape bytes outside the regular set as #XX. */
function decodeName(name: string): string {
  return name.replace(/^\//, '').replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
