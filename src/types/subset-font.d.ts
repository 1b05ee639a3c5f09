// subset-font ships no types; only the call parallel-press makes is declared.
declare module 'subset-font' {
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; noHinting?: boolean }): Promise<Buffer>;
}
