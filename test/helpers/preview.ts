import { spawn, type ChildProcess } from 'node:child_process';
import puppeteer, { type Browser } from 'puppeteer-core';
import { findChromium } from '../../src/output/browser.js';
import { CLI, ROOT } from './cli.js';

export interface PreviewProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed on stderr so far. */
  stderr(): string;
  /** Sends `signal` and resolves with how the process ended. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the real, compiled `parallel-press preview` on a free port and waits for its URL. */
export function startPreviewProcess(bookDir: string, args: string[] = []): Promise<PreviewProcess> {
  const child = spawn(process.execPath, [CLI, 'preview', bookDir, '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start in 60 s:\n${stdout}\n${stderr}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        child,
        stderr: () => stderr,
        stop: (signal = 'SIGINT') => {
          child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then(({ code }) => reject(new Error(`preview exited (${code}) before serving:\n${stdout}\n${stderr}`)));
  });
}

/** The system Chromium with JavaScript on (unlike the print page): the preview page reloads itself. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
