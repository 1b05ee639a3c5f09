import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { epubcheck } from './helpers/epub.js';
import { pdfPageCount } from './helpers/pdf.js';

const run = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command as a user types it, in `cwd`, without the test's own npm and vitest environment. */
async function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|VITEST|NODE_OPTIONS)/i.test(key)));
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...clean, NO_COLOR: '1', PUPPETEER_SKIP_DOWNLOAD: 'true', ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 99, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * The package as a publisher gets it: `npm pack` here, `npm install ./parallel-press-*.tgz` in an empty
 * directory outside the repository (dependencies from the npm registry), then init and build there.
 */
describe('the packed parallel-press, installed into an empty directory', () => {
  let app: string;
  let tarball: string;
  const timings: Record<string, number> = {};
  const timed = async (name: string, body: () => Promise<Run>): Promise<Run> => {
    const start = performance.now();
    const result = await body();
    timings[name] = Math.round(performance.now() - start);
    return result;
  };

  beforeAll(async () => {
    app = await mkdtemp(path.join(os.tmpdir(), 'pp-installed-'));
    expect(path.relative(ROOT, app).startsWith('..')).toBe(true);
    const pack = await timed('npm pack', () => sh('npm', ['pack', '--pack-destination', app, '--silent'], ROOT));
    expect(pack.stderr).not.toMatch(/error/i);
    expect(pack.code).toBe(0);
    tarball = path.join(app, pack.stdout.trim().split('\n').at(-1) ?? '');
    const install = await timed('npm install', () => sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${path.basename(tarball)}`], app));
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
  }, 300_000);

  // The installed dependencies are some 130 MB a run.
  afterAll(() => rm(app, { recursive: true, force: true }));

  it('holds dist/, the templates and the setup script, not the sources or the tests', async () => {
    const { stdout } = await run('tar', ['tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/dist/cli.js', 'package/templates/print.css', 'package/templates/ci/github-workflow.yml', 'package/scripts/setup', 'package/README.md', 'package/package.json']));
    expect(files.filter((f) => /^package\/(src|test|manuscript|translations)\//.test(f) || f.endsWith('.map'))).toEqual([]);
  });

  it('inits a book and builds it there: a PDF pdfinfo reads and an EPUB epubcheck passes', async () => {
    const init = await timed('init', () => sh('npx', ['parallel-press', 'init', 'book', '--languages', 'en,vi,km', '--title', 'An installed book'], app));
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const build = await timed('build', () => sh('npx', ['parallel-press', 'build', 'book'], app, { SOURCE_DATE_EPOCH: '1767225600' }));
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/built print: .*print\.pdf/);
    expect(pdfPageCount(path.join(app, 'book/build/print.pdf'))).toBeGreaterThan(0);
    const check = await epubcheck(path.join(app, 'book/build/ebook.epub'));
    expect(check.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')).toEqual([]);
    console.info(`package install timings (ms): ${JSON.stringify(timings)}`);
  }, 300_000);

  it('has a setup script that checks the system and leaves the installed package alone', async () => {
    const packageDir = path.join(app, 'node_modules/parallel-press');
    // Called from anywhere (here: the book), it finds its own package directory.
    const setup = await sh('bash', [path.join(packageDir, 'scripts/setup')], path.join(app, 'book'));
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(await readdir(packageDir)).not.toContain('node_modules');
    await expect(stat(path.join(packageDir, 'src'))).rejects.toThrow();
  });

  it('prints the exact apt-get line when a system package is missing and it cannot install (qpdf, no apt-get)', async () => {
    // A PATH with the tools the script needs but without qpdf and apt-get: a workstation without them.
    const bin = path.join(app, 'partial-bin');
    await mkdir(bin);
    const tools = ['bash', 'dirname', 'readlink', 'grep', 'tr', 'id', 'fc-list', 'pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm', 'gs', 'java', 'chromium', 'find'];
    for (const tool of tools) {
      const found = (await sh('bash', ['-c', `command -v ${tool} || true`], app)).stdout.trim();
      if (found) await symlink(found, path.join(bin, tool));
    }
    const setup = await sh(path.join(bin, 'bash'), [path.join(app, 'node_modules/parallel-press/scripts/setup')], app, { PATH: bin });
    expect(setup.code).toBe(1);
    expect(setup.stderr).toContain('setup: install them with:  sudo apt-get update && sudo apt-get install -y qpdf\n');
  });
});
