/** Page sizes in millimetres. */
const NAMED: Record<string, [number, number]> = {
  A4: [210, 297],
  A5: [148, 210],
  B5: [176, 250],
  'US-Letter': [215.9, 279.4],
};

export interface TrimSize {
  widthMm: number;
  heightMm: number;
}

export function trimSize(trim: string): TrimSize {
  const named = NAMED[trim];
  if (named) return { widthMm: named[0], heightMm: named[1] };
  const [w, hgt] = trim.split('x').map(Number);
  return { widthMm: w ?? 148, heightMm: hgt ?? 210 };
}
