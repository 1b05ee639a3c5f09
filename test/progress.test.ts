import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressReporter, type ProgressStream } from '../src/pipeline/progress.js';
import { CLI, copyBook, FIXTURES } from './helpers/cli.js';

const COLOUR = /\x1b\[\d+(;\d+)*m/;

/** A terminal-like stream that keeps what was written. */
function terminal(isTTY = true): ProgressStream & { text: string } {
  const stream = { isTTY, columns: 100, text: '', write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

function drive(stream: ProgressStream, env: NodeJS.ProcessEnv, json = false): void {
  const reporter = progressReporter({ stream, env, json });
  reporter?.onProgress({ stage: 'config' });
  reporter?.onProgress({ stage: 'manuscript' });
  reporter?.onProgress({ stage: 'pdf', edition: 'trilingual-print', index: 1, total: 2 });
  reporter?.onProgress({ stage: 'done', edition: 'trilingual-print', index: 1, total: 2, pages: 298 });
  reporter?.onProgress({ stage: 'epub', edition: 'trilingual-epub', index: 2, total: 2 });
  reporter?.finish();
}

describe('build progress', () => {
  it('redraws one status line on a terminal: stage, edition, pages done', () => {
    const stream = terminal();
    drive(stream, {});
    const lines = stream.text.split('\r').map((line) => line.replace(/\x1b\[[\d;]*[mK]/g, ''));
    expect(lines).toContain('parallel-press · [1/2] trilingual-print · printing PDF · 0.0 s');
    expect(lines).toContain('parallel-press · [2/2] trilingual-epub · writing EPUB · 298 pages done · 0.0 s');
    expect(stream.text).toMatch(COLOUR);
    expect(stream.text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('drops the colours with NO_COLOR, not the line', () => {
    const stream = terminal();
    drive(stream, { NO_COLOR: '1' });
    expect(stream.text).toContain('[1/2] trilingual-print · printing PDF');
    expect(stream.text).not.toMatch(COLOUR);
  });

  it.each([
    ['not a terminal', terminal(false), {}, false],
    ['on CI', terminal(), { CI: 'true' }, false],
    ['with --json', terminal(), {}, true],
  ])('stays quiet %s', (_name, stream, env, json) => {
    drive(stream, env, json);
    expect(stream.text).toBe('');
  });

  it('keeps to the terminal width', () => {
    const stream = { ...terminal(), columns: 30 };
    drive(stream, { NO_COLOR: '1' });
    for (const line of stream.text.split('\r')) expect(line.replace(/\x1b\[K/g, '').length).toBeLessThanOrEqual(29);
  });
});

/** Runs the CLI under a real pseudo-terminal (util-linux `script`), where stderr is a TTY. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const command = [process.execPath, CLI, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    execFile('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, CI: '', NO_COLOR: '', ...env }, timeout: 120_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

describe('`build` on a terminal', () => {
  it('shows progress on a TTY, then the result on a clean line', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const output = await onTerminal(['build', dir, '--edition', 'mini-epub'], {});
    expect(output).toContain('[1/1]');
    expect(output).toMatch(/mini-epub\S* · \S*writing EPUB/);
    expect(output).toMatch(COLOUR);
    expect(output).toMatch(/\r\x1b\[Kbuilt mini-epub: /);
  });

  it('prints no progress on CI, with --json, and no colour with NO_COLOR', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'books/mini'));
    const onCi = await onTerminal(['build', dir, '--edition', 'mini-epub'], { CI: '1' });
    expect(onCi).not.toContain('writing EPUB');
    expect(onCi).toContain('built mini-epub');
    const json = await onTerminal(['build', dir, '--edition', 'mini-epub', '--json'], {});
    expect(json).not.toContain('writing EPUB');
    expect(JSON.parse(json.slice(json.indexOf('{')))).toMatchObject({ ok: true });
    const plain = await onTerminal(['build', dir, '--edition', 'mini-epub'], { NO_COLOR: '1' });
    expect(plain).toContain('writing EPUB');
    expect(plain).not.toMatch(COLOUR);
  });
});
