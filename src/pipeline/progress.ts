import type { ProgressEvent } from './build-book.js';

/** Where progress goes: process.stderr, or anything with the same shape. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** --json: the output is for a machine, even on a terminal. */
  json?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ProgressReporter {
  onProgress: (event: ProgressEvent) => void;
  /** Clears the status line, so what the command prints next starts on a clean line. */
  finish(): void;
}

const STAGE_TEXT: Record<string, string> = { config: 'reading book.yaml', manuscript: 'reading the manuscript', pdf: 'printing PDF', epub: 'writing EPUB', done: 'written' };
/** How often the elapsed time of a long stage (printing 1,000 pages) is redrawn. */
const TICK_MS = 500;

/**
 * One status line on a terminal, redrawn in place: stage, edition, pages done so far, time.
 * Silent (undefined) when nobody watches a terminal: not a TTY, CI set, or --json. NO_COLOR drops
 * the colours, not the line.
 */
export function progressReporter({ stream, json = false, env = process.env }: ProgressOptions): ProgressReporter | undefined {
  if (json || !stream.isTTY || isCi(env)) return undefined;
  const colour = env.NO_COLOR === undefined || env.NO_COLOR === '';
  const paint = (code: string, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  let started = performance.now();
  let last: ProgressEvent = { stage: 'config' };
  let pagesDone = 0;
  let timer: NodeJS.Timeout | undefined;

  const draw = (): void => {
    const parts = [paint('1', 'parallel-press')];
    if (last.edition !== undefined) parts.push(`${paint('2', `[${last.index ?? '?'}/${last.total ?? '?'}]`)} ${paint('36', last.edition)}`);
    parts.push(STAGE_TEXT[last.stage] ?? last.stage);
    if (pagesDone > 0) parts.push(`${pagesDone} page${pagesDone === 1 ? '' : 's'} done`);
    parts.push(paint('2', `${((performance.now() - started) / 1000).toFixed(1)} s`));
    const line = parts.join(' · ');
    // \r and erase-to-end-of-line: the next draw replaces this one. Cut to the width so it never wraps.
    // A terminal that reports no size (a bare pty) gets 80 columns.
    const columns = stream.columns !== undefined && stream.columns >= 20 ? stream.columns : 80;
    stream.write(`\r${truncate(line, columns - 1, colour)}\x1b[K`);
  };

  return {
    onProgress(event) {
      // Every build starts with `config`: under build --watch, the clock and the page count restart.
      if (event.stage === 'config') {
        started = performance.now();
        pagesDone = 0;
      }
      last = event;
      if (event.stage === 'done' && event.pages !== undefined) pagesDone += event.pages;
      draw();
      timer ??= setInterval(draw, TICK_MS).unref();
    },
    finish() {
      clearInterval(timer);
      timer = undefined;
      stream.write('\r\x1b[K');
    },
  };
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Cuts `line` to `width` visible characters; colour codes do not count. */
function truncate(line: string, width: number, colour: boolean): string {
  const visible = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (visible.length <= width) return line;
  return `${visible.slice(0, Math.max(0, width - 1))}…${colour ? '\x1b[0m' : ''}`;
}
