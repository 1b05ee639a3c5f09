import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { faceOfPostScriptName, type EmbeddedFace } from '../layout/edition-fonts.js';

/**
 * The faces a printed PDF embeds, as pdffonts lists them: every font dictionary's BaseFont. Only
 * Chromium knows which faces it used (fallbacks, bold and italic), so the colophon is filled from
 * the PDF of the previous pass rather than from the stylesheet.
 */
export function pdfFaces(document: PDFDocument): EmbeddedFace[] {
  const faces = new Map<string, EmbeddedFace>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    // A composite font's CIDFont repeats its parent's name; the parent alone is what pdffonts lists.
    if (object.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType2') || object.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType0')) continue;
    const base = object.get(PDFName.of('BaseFont'));
    if (!(base instanceof PDFName)) continue;
    const face = faceOfPostScriptName(base.decodeText());
    faces.set(`${face.family}\u0000${face.style}`, face);
  }
  return [...faces.values()];
}
