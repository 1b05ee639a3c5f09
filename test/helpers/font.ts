/** Just enough of the OpenType format to say which characters a font maps and how many glyphs it has. */

function tables(font: DataView): Map<string, number> {
  const found = new Map<string, number>();
  const count = font.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(font.getUint8(record), font.getUint8(record + 1), font.getUint8(record + 2), font.getUint8(record + 3));
    found.set(tag, font.getUint32(record + 8));
  }
  return found;
}

export function glyphCount(sfnt: Uint8Array): number {
  const font = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const maxp = tables(font).get('maxp');
  if (maxp === undefined) throw new Error('no maxp table');
  return font.getUint16(maxp + 4);
}

/** The code points the font's Unicode cmap maps to a real glyph (format 12 preferred, else format 4). */
export function mappedCodePoints(sfnt: Uint8Array): Set<number> {
  const font = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const cmap = tables(font).get('cmap');
  if (cmap === undefined) throw new Error('no cmap table');
  const subtables = new Map<number, number>();
  for (let i = 0; i < font.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + font.getUint32(record + 4);
    subtables.set(font.getUint16(offset), offset);
  }
  const points = new Set<number>();
  const format12 = subtables.get(12);
  if (format12 !== undefined) {
    for (let g = 0; g < font.getUint32(format12 + 12); g++) {
      const group = format12 + 16 + g * 12;
      const start = font.getUint32(group);
      const startGlyph = font.getUint32(group + 8);
      for (let c = start; c <= font.getUint32(group + 4); c++) if (startGlyph + c - start !== 0) points.add(c);
    }
    return points;
  }
  const table = subtables.get(4);
  if (table === undefined) throw new Error('no Unicode cmap subtable');
  const segments = font.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const start = font.getUint16(starts + s * 2);
    const end = font.getUint16(ends + s * 2);
    const delta = font.getInt16(deltas + s * 2);
    const rangeOffset = font.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph = (c + delta) & 0xffff;
      if (rangeOffset !== 0) {
        const raw = font.getUint16(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(c);
    }
  }
  return points;
}
