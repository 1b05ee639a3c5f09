import { readFileSync } from 'node:fs';

/**
 * Peak memory of this process and all its descendants (Chromium's browser, renderer and GPU
 * processes), sampled from /proc four times a second: `process.memoryUsage()` sees only Node.
 * Each process counts its proportional set size (Pss): Chromium's processes share most of their
 * pages, and adding up their RSS would count those pages once per process.
 */
export class PeakRss {
  peakBytes = 0;
  private timer: NodeJS.Timeout | undefined;

  // Not more often: reading smaps_rollup takes each process's memory lock and slows Chromium down.
  start(intervalMs = 250): void {
    this.peakBytes = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }

  private sample(): void {
    const total = treeOf(process.pid).reduce((sum, pid) => sum + rssOf(pid), 0);
    this.peakBytes = Math.max(this.peakBytes, total);
  }
}

function treeOf(pid: number): number[] {
  const children = read(`/proc/${pid}/task/${pid}/children`).split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...children.flatMap(treeOf)];
}

function rssOf(pid: number): number {
  const kb = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`))?.[1] ?? /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`))?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended between listing and reading
  }
}
