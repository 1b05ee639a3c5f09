/**
 * What the importer works on and what it reports. A raw capture has one paragraph per line, so a
 * block keeps the number of the source line it came from: every repair is reported against it,
 * for an editor to review the import side by side with the capture.
 */
export interface SourceLine {
  /** 1-based line number in the captured file. */
  line: number;
  text: string;
}

export type RepairKind = 'boilerplate' | 'caption' | 'credit' | 'heading' | 'hyphenation' | 'typography' | 'kept';

export interface Repair {
  line: number;
  kind: RepairKind;
  /** What was done, e.g. `joined "leader-ship" → "leadership" (a dictionary word)`. */
  message: string;
  /** The text before and after, where the repair is a replacement. */
  before?: string;
  after?: string;
}

/** A block of the chapter body: a paragraph, or a detected subheading with its generated id. */
export interface BodyBlock {
  line: number;
  text: string;
  heading?: { id: string };
}

/** Shortens text for a report line; whole paragraphs would drown the repairs. */
export function excerpt(text: string, max = 60): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}
