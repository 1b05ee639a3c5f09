/**
 * The bounds of a book.yaml, each reported as a located diagnostic when exceeded. They are far
 * beyond any real book and close enough to keep a careless or hostile file from costing memory,
 * time or a crash (a 50 MB book.yaml, an alias bomb, a 300-character id that no file system takes).
 */
export const CONFIG_LIMITS = {
  /** book.yaml itself: a real one is a few KB. */
  maxBytes: 256 * 1024,
  /** A title, subtitle or any other text of book.yaml, in characters. */
  maxTextLength: 1_000,
  editions: 64,
  /** Edition ids become file names (`build/ID.press.pdf`): far under the 255 bytes of a file name. */
  editionIdLength: 64,
  /** A WxH trim, per side in mm: a bookmark is wider than the minimum, a poster is under the maximum. */
  trimMinMm: 50,
  trimMaxMm: 1_000,
  /** YAML aliases expanded (`yaml`'s maxAliasCount): an alias bomb asks for billions. */
  aliases: 100,
  /** An error's code frame shows this many columns of each line around the caret. */
  excerptColumns: 120,
} as const;

/** Whether a `WxH` trim (mm) has both sides within the limits. */
export function trimWithinLimits(trim: string): boolean {
  const sides = trim.split('x').map(Number);
  return sides.length === 2 && sides.every((mm) => mm >= CONFIG_LIMITS.trimMinMm && mm <= CONFIG_LIMITS.trimMaxMm);
}
