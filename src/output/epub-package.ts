import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** A file the EPUB carries besides what epub-gen-memory writes: fonts, images, the cover. */
export interface EpubResource {
  /** Path inside OEBPS/, e.g. `fonts/noto-serif.woff2`. */
  href: string;
  mediaType: string;
  data: Uint8Array;
  /** OPF manifest properties, e.g. `cover-image`. */
  properties?: string;
}

/** The oldest time a zip entry can hold: DOS dates start in 1980. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

/**
 * Rewrites the zip epub-gen-memory made so that the same input gives the same bytes: `mimetype`
 * first and stored (the OCF rule), then the container, the package document and every other entry in
 * name order, all with one fixed time and no directory entries. Text documents are written as UTF-8:
 * any numeric character reference to a non-ASCII character is turned back into the character.
 */
export function repackEpub(zip: Uint8Array, resources: readonly EpubResource[], modified: Date): Uint8Array {
  const entries = unzipSync(zip);
  for (const resource of resources) entries[`OEBPS/${resource.href}`] = new Uint8Array(resource.data);
  const mtime = dosTime(modified);
  const names = Object.keys(entries)
    .filter((name) => !name.endsWith('/') && name !== 'mimetype')
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const files: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }] };
  for (const name of names) {
    const data = entries[name] ?? new Uint8Array();
    const content = /\.(xhtml|opf|ncx|xml)$/.test(name) ? strToU8(utf8References(strFromU8(data))) : data;
    files[name] = [content, { level: 9, mtime }];
  }
  return zipSync(files);
}

function rank(name: string): number {
  if (name === 'META-INF/container.xml') return 0;
  if (name.endsWith('.opf')) return 1;
  return 2;
}

/** `&#xE1;` → `á`; references to ASCII (`&#x26;`, `&#x3C;`) stay, they may be markup. */
export function utf8References(text: string): string {
  return text.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (reference, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    return point > 0x7f && point <= 0x10ffff && !(point >= 0xd800 && point <= 0xdfff) ? String.fromCodePoint(point) : reference;
  });
}

/**
 * fflate writes the DOS time from the local-time fields of the Date: shift by the time-zone offset
 * so that the zip holds the UTC time on every machine, whatever its TZ.
 */
function dosTime(date: Date): Date {
  const utc = Math.max(date.getTime(), DOS_EPOCH);
  const shifted = new Date(utc);
  return new Date(utc + shifted.getTimezoneOffset() * 60_000);
}
