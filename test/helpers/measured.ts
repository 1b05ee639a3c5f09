import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CLI, ROOT } from './cli.js';

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the CLI's Node process (VmHWM from /proc, sampled until it exits). */
  peakBytes: number;
}

/**
 * Runs the compiled CLI and measures it from outside, as a user's `time` would: wall clock and
 * the kernel's high-water mark of its memory. `onStart` gets the child (to send it a signal).
 */
export function measuredCli(args: string[], options: { timeoutMs?: number; onStart?: (pid: number) => void } = {}): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let peakBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const sample = () => {
      try {
        const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        if (kb) peakBytes = Math.max(peakBytes, Number(kb) * 1024);
      } catch {
        // exited between two samples
      }
    };
    const timer = setInterval(sample, 50);
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    if (child.pid) options.onStart?.(child.pid);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000, peakBytes });
    });
  });
}
