import { imageSize } from 'image-size';

/**
 * What an image file really is, from its bytes and never from its name: a `fake.png` holding
 * HTML, an empty file or a BMP named `.jpg` must not reach Chromium or an EPUB. `image-size`
 * reads the real header of every format (a JPEG frame header anywhere in the file, BMP, TIFF,
 * AVIF…); which formats are accepted, and whether the file is whole, is decided here.
 */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

/** The EPUB 3 core media types: every reading system shows them, and so does Chromium. */
export const IMAGE_MEDIA_TYPES: Record<ImageKind, { mediaType: string; extension: string }> = {
  png: { mediaType: 'image/png', extension: '.png' },
  jpeg: { mediaType: 'image/jpeg', extension: '.jpg' },
  gif: { mediaType: 'image/gif', extension: '.gif' },
  webp: { mediaType: 'image/webp', extension: '.webp' },
  svg: { mediaType: 'image/svg+xml', extension: '.svg' },
};

export type ImageInspection =
  | { ok: true; kind: ImageKind; width: number; height: number; /** Ends as its format ends; a header alone is not whole. */ whole: boolean }
  | { ok: false; problem: 'not-an-image' | 'unsupported'; detail: string };

/** An SVG may state no size (a viewBox only): image-size then knows no dimensions, yet it is a picture. */
const SVG_START = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/iu;

export function inspectImage(bytes: Uint8Array): ImageInspection {
  if (bytes.length === 0) return { ok: false, problem: 'not-an-image', detail: 'is empty (0 bytes)' };
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    if (SVG_START.test(Buffer.from(bytes.subarray(0, 4096)).toString('utf8'))) return { ok: true, kind: 'svg', width: 0, height: 0, whole: isWhole('svg', bytes) };
    return { ok: false, problem: 'not-an-image', detail: `is not an image: its bytes start with \`${printable(bytes.subarray(0, 16))}\`` };
  }
  const kind = imageKind(size.type);
  if (!kind) return { ok: false, problem: 'unsupported', detail: `is a ${String(size.type).toUpperCase()} image, which EPUB readers need not show` };
  const frames = size.images ?? [size];
  const width = Math.max(...frames.map((f) => f.width));
  const height = Math.max(...frames.map((f) => f.height));
  return { ok: true, kind, width, height, whole: isWhole(kind, bytes) };
}

function imageKind(type: string | undefined): ImageKind | undefined {
  switch (type) {
    case 'png':
    case 'gif':
    case 'webp':
    case 'svg':
      return type;
    case 'jpg':
      return 'jpeg';
    default:
      return undefined;
  }
}

/** Each format's own end: PNG's IEND chunk, JPEG's EOI marker, GIF's trailer, WebP's RIFF length. */
function isWhole(kind: ImageKind, bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096)));
  switch (kind) {
    case 'png':
      return tail.includes(Buffer.from('IEND'));
    case 'jpeg':
      // Cameras and editors may append a few bytes after EOI; the marker need only be near the end.
      return tail.includes(Buffer.from([0xff, 0xd9]));
    case 'gif':
      return tail.includes(0x3b);
    case 'webp':
      return bytes.length >= 8 && Buffer.from(bytes.subarray(4, 8)).readUInt32LE(0) + 8 <= bytes.length;
    case 'svg':
      return /<\/svg\s*>|<svg\b[^>]*\/>/iu.test(tail.toString('utf8'));
  }
  return kind satisfies never;
}

function printable(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f && b !== 0x60 ? String.fromCharCode(b) : '.')).join('');
}
