import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';
import { distinctFaces, faceOfPostScriptName, type EmbeddedFace } from '../layout/edition-fonts.js';

/**
 * The faces a printed PDF embeds, as pdffonts lists them: every font dictionary's BaseFont. Only
 * Chromium knows which faces it used (fallbacks, bold and italic), so the colophon is filled from
 * the PDF of the previous pass rather than from the stylesheet.
 */
export function pdfFaces(document: PDFDocument): EmbeddedFace[] {
  const faces: EmbeddedFace[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    // A composite font's CIDFont repeats its parent's name; the parent alone is what pdffonts lists.
    if (object.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType2') || object.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType0')) continue;
    const base = object.get(PDFName.of('BaseFont'));
    if (!(base instanceof PDFName)) continue;
    faces.push(faceOfPostScriptName(base.decodeText()));
  }
  return distinctFaces(faces);
}
