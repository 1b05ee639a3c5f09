/** A font face embedded in an edition's output: `Noto Serif`, `Bold`. */
export interface EmbeddedFace {
  family: string;
  style: string;
}

const STYLE_ORDER = ['Regular', 'Italic', 'Bold', 'Bold Italic'];

/**
 * "Noto Serif (Regular, Italic, Bold), Noto Serif Khmer (Regular)": families in alphabetical order,
 * their faces in the usual order. Font names are proper names and stay as the foundry wrote them in
 * every language.
 */
export function describeFaces(faces: readonly EmbeddedFace[]): string {
  const families = new Map<string, Set<string>>();
  for (const face of faces) families.set(face.family, (families.get(face.family) ?? new Set()).add(face.style));
  const rank = (style: string) => (STYLE_ORDER.includes(style) ? STYLE_ORDER.indexOf(style) : STYLE_ORDER.length);
  return [...families.keys()]
    .sort()
    .map((family) => `${family} (${[...(families.get(family) ?? [])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).join(', ')})`)
    .join(', ');
}

/** Each face once (by family and style), in the order first met. */
export function distinctFaces(faces: Iterable<EmbeddedFace>): EmbeddedFace[] {
  const distinct = new Map<string, EmbeddedFace>();
  for (const face of faces) if (!distinct.has(`${face.family}\u0000${face.style}`)) distinct.set(`${face.family}\u0000${face.style}`, face);
  return [...distinct.values()];
}

/** Whether every face of `found` is one of `known`. */
export function hasFaces(known: readonly EmbeddedFace[], found: readonly EmbeddedFace[]): boolean {
  return found.every((face) => known.some((k) => k.family === face.family && k.style === face.style));
}

export function sameFaces(a: readonly EmbeddedFace[] | undefined, b: readonly EmbeddedFace[] | undefined): boolean {
  return a !== undefined && b !== undefined && describeFaces(a) === describeFaces(b);
}

/**
 * A PostScript font name as the PDF has it → family and style: `AAAAAA+NotoSerifKhmer-Bold` is
 * Noto Serif Khmer, Bold (the six letters are the subset tag; the family is spaced at its capitals).
 */
export function faceOfPostScriptName(name: string): EmbeddedFace {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  const [family = bare, style = 'Regular'] = bare.split('-');
  const spaced = (text: string) => text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return { family: spaced(family), style: spaced(style) };
}
