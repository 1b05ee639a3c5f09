import { ParseSpeeds, PDFName, type PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  /** Every title of the edition, for XMP `dc:title` alternatives. */
  titles: { lang: string; text: string }[];
  authors: string[];
  subject: string;
  keywords: string[];
  /** BCP 47 language of the document: the catalog `/Lang`, and XMP `dc:language` with the others. */
  languages: string[];
  publisher: string | undefined;
  rights: string | undefined;
  identifier: string;
  /** Creation and modification date: SOURCE_DATE_EPOCH for reproducible builds. */
  date: Date;
  producer: string;
}

/**
 * How every PDF is read and written here: in one go (no yielding between objects, which only slows a
 * 1,000-page book down), without pdf-lib's own producer and dates, and without object streams,
 * which some prepress tools still reject.
 */
export const PDF_LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
export const PDF_SAVE = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity } as const;

/**
 * Chromium writes only the title and its own dates. The Info dictionary, the catalog `/Lang` and an
 * XMP packet are written here; the structure tree and the outline are objects pdf-lib carries over.
 */
export function applyPdfMetadata(document: PDFDocument, meta: PdfMetadata): void {
  document.setTitle(meta.title, { showInWindowTitleBar: true });
  document.setAuthor(meta.authors.join('; '));
  document.setSubject(meta.subject);
  document.setKeywords([meta.keywords.join(', ')]);
  document.setCreator('parallel-press');
  document.setProducer(meta.producer);
  document.setCreationDate(meta.date);
  document.setModificationDate(meta.date);
  document.setLanguage(meta.languages[0] ?? 'en');
  const xmp = xmpPacket(meta);
  const stream = document.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML', Length: Buffer.byteLength(xmp) });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
}

function xmpPacket(meta: PdfMetadata): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (items: { lang: string; text: string }[]) =>
    `<rdf:Alt>${items.map((t, i) => `<rdf:li xml:lang="${i === 0 ? 'x-default' : escapeXml(t.lang)}">${escapeXml(t.text)}</rdf:li>`).join('')}</rdf:Alt>`;
  const titles = [{ lang: 'x-default', text: meta.title }, ...meta.titles];
  const bag = (items: string[]) => `<rdf:Bag>${items.map((i) => `<rdf:li>${escapeXml(i)}</rdf:li>`).join('')}</rdf:Bag>`;
  const seq = (items: string[]) => `<rdf:Seq>${items.map((i) => `<rdf:li>${escapeXml(i)}</rdf:li>`).join('')}</rdf:Seq>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(titles)}</dc:title>
<dc:creator>${seq(meta.authors)}</dc:creator>
<dc:description>${alt([{ lang: 'x-default', text: meta.subject }])}</dc:description>
<dc:subject>${bag(meta.keywords)}</dc:subject>
<dc:language>${bag(meta.languages)}</dc:language>
${meta.publisher ? `<dc:publisher>${bag([meta.publisher])}</dc:publisher>\n` : ''}${meta.rights ? `<dc:rights>${alt([{ lang: 'x-default', text: meta.rights }])}</dc:rights>\n` : ''}<dc:identifier>${escapeXml(meta.identifier)}</dc:identifier>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<xmp:CreatorTool>parallel-press</xmp:CreatorTool>
<pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>
<pdf:Keywords>${escapeXml(meta.keywords.join('; '))}</pdf:Keywords>
<xmpMM:DocumentID>${escapeXml(meta.identifier)}</xmpMM:DocumentID>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}
