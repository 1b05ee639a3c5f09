import { accessSync, constants } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEFAULT_STAGE_TIMEOUT_MS } from '../config/stage-timeout.js';
import { UserError } from '../diagnostics/index.js';
import { killProfileProcesses, killProfileProcessesUntilGone } from './kill-profile.js';
import { ownTempDir } from '../fs/orphans.js';
import { isTimeout, stageSignal, untilAborted } from './stage-signal.js';

/** Debian's /usr/bin/chromium is a shell wrapper; the binary behind it starts faster and quieter. */
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--font-render-hinting=none',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PUPPETEER_EXECUTABLE_PATH;
  if (override) {
    if (!isExecutable(override)) {
      throw new UserError({
        file: override,
        severity: 'error',
        ruleId: 'chromium-missing',
        message: `PUPPETEER_EXECUTABLE_PATH points at ${override}, which is not an executable file: expected a Chromium binary; unset the variable to use the system Chromium or fix the path.`,
      });
    }
    return override;
  }
  const found = CHROMIUM_CANDIDATES.find(isExecutable);
  if (!found) {
    throw new UserError({
      file: CHROMIUM_CANDIDATES[1] ?? 'chromium',
      severity: 'error',
      ruleId: 'chromium-missing',
      message: 'Chromium was not found: PDF editions are printed by the system Chromium. Install it with `apt-get install chromium` (or run `bash scripts/setup` as root), or set PUPPETEER_EXECUTABLE_PATH to a Chromium binary.',
    });
  }
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface PrintBrowser {
  /** A page that can only load files inside `allowedRoots`; every other request is aborted and recorded. */
  openPage(allowedRoots: readonly string[]): Promise<{ page: Page; blocked: string[] }>;
  /**
   * Makes sure `count` pages are open or opening and not yet taken, for the next openPage calls:
   * Chromium's part of opening them (a renderer process, 50–150 ms each on 2 cores, and CDP round
   * trips that wait while Node lays a book out) overlaps other work. Resolves once they are open; a
   * page that failed to open is reported by the openPage that takes it. Pages never taken are closed
   * with the browser.
   */
  warm(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The stage timeout: starting is bounded by it (and never waits more than 30 s), every Chromium call by twice it. */
  timeoutMs?: number;
  /** The build's: when it aborts, Chromium is killed at once (its process group and whatever names its profile). */
  signal?: AbortSignal | undefined;
}

/**
 * The pages a build opens as soon as Chromium has started, while the manuscript is parsed and
 * checked: those its first edition lays out in at once (a facing edition's front matter and
 * measure, a long flow edition's two parts).
 */
export const STARTUP_PAGES = 2;

/** One Chromium per build: launching costs ~260 ms, a page costs little. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<PrintBrowser> {
  options.signal?.throwIfAborted();
  const executablePath = findChromium();
  // Profile and Chromium's own temp files live under one directory that close() removes,
  // so even a killed browser leaves nothing behind.
  const browserDir = await ownTempDir('chromium');
  const userDataDir = path.join(browserDir, 'profile');
  const tempDir = path.join(browserDir, 'tmp');
  await mkdir(tempDir);
  // Starting never takes long: a Chromium silent for 30 s is hanging, whatever the print timeout.
  const startTimeoutMs = Math.min(options.timeoutMs ?? 30_000, 30_000);
  const starting = stageSignal(options.signal, startTimeoutMs);
  const launching = puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
    env: { ...process.env, TMPDIR: tempDir },
    timeout: 0,
    // A backstop only: each stage's signal (src/output/stage-signal.ts) is what stops a hung call.
    protocolTimeout: 2 * (options.timeoutMs ?? DEFAULT_STAGE_TIMEOUT_MS),
    // Over a pipe, Chromium exits when this process dies, even by SIGKILL; signals are ours to handle.
    pipe: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Only once every process of the profile is gone: a dying helper could otherwise write it again.
  const removeBrowserDir = async () => {
    await killProfileProcessesUntilGone(userDataDir);
    await rm(browserDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  };
  let browser: Browser;
  try {
    browser = await untilAborted(launching, starting);
  } catch (error) {
    // A launch given up on may still finish later: that Chromium goes too. It is given a second to
    // spawn, so that the directory removed below is not made again by a Chromium started after it.
    const late = launching.then((started) => started.process()?.kill('SIGKILL'), () => undefined);
    await Promise.race([late, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    await removeBrowserDir();
    if (options.signal?.aborted) throw options.signal.reason as unknown;
    const timedOut = starting.aborted && isTimeout(starting.reason);
    // Puppeteer's advice to raise `protocolTimeout` means nothing to a publisher: the stage timeout is the knob.
    const reason = timedOut ? `timed out after ${startTimeoutMs} ms` : (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/\s*Increase the 'protocolTimeout' setting.*$/, '');
    const hung = timedOut || /timed out/i.test(reason) ? ': it did not answer within the stage timeout (`build --timeout MS` or PARALLEL_PRESS_TIMEOUT_MS) and was stopped' : '';
    throw new UserError({
      file: executablePath,
      severity: 'error',
      ruleId: 'chromium-launch',
      message: `Chromium at ${executablePath} could not start (${reason})${hung}: expected a working Chromium; reinstall it with \`apt-get install --reinstall chromium\` or set PUPPETEER_EXECUTABLE_PATH.`,
    });
  }
  const kill = () => {
    const child = browser.process();
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
    killProfileProcesses(userDataDir);
  };
  // Stopped builds do not wait for a polite close: Chromium goes at once, the build's cleanup removes the rest.
  options.signal?.addEventListener('abort', kill, { once: true });
  // A page is guarded before anything loads in it: no script, every request through the handler openPage adds.
  // Pages being created: closing waits for them, since a page still being created when Chromium
  // goes leaves Puppeteer waiting 30 s for its target, and the process with it.
  const creating = new Set<Promise<unknown>>();
  const newGuardedPage = async (): Promise<Page> => {
    const created = browser.newPage();
    creating.add(created);
    void created.catch(() => undefined).finally(() => creating.delete(created));
    const page = await created;
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    return page;
  };
  const warming: Promise<Page>[] = [];
  return {
    warm(count) {
      while (warming.length < count) {
        const page = newGuardedPage();
        // A failure is met again, and reported, by the openPage that takes this page.
        page.catch(() => undefined);
        warming.push(page);
      }
      return Promise.allSettled(warming.slice(0, count)).then(() => undefined);
    },
    async openPage(allowedRoots) {
      let page: Page;
      const blocked: string[] = [];
      try {
        page = await (warming.shift() ?? newGuardedPage());
      } catch (error) {
        // A Chromium that crashed or hangs fails here as often as in the print itself.
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UserError({
          file: executablePath,
          severity: 'error',
          ruleId: 'print-failed',
          message: `Chromium failed while opening a print page (${reason}): the previous outputs were left untouched; retry, and if it persists check that Chromium runs (\`chromium --version\`).`,
        });
      }
      page.on('request', (request) => {
        const url = request.url();
        if (isInside(url, allowedRoots)) {
          void request.continue();
        } else {
          blocked.push(url);
          void request.abort('blockedbyclient');
        }
      });
      return { page, blocked };
    },
    async close() {
      options.signal?.removeEventListener('abort', kill);
      warming.splice(0);
      let timer: NodeJS.Timeout | undefined;
      try {
        if (!options.signal?.aborted) await Promise.race([Promise.allSettled(creating).then(() => browser.close()), new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      } catch {
        // A crashed browser cannot be closed politely; the kill below makes sure it is gone.
      } finally {
        clearTimeout(timer);
      }
      kill();
      await removeBrowserDir();
    },
  };
}

/** Only `file:` URLs inside one of the roots may load: no network, no other local files. */
export function isInside(url: string, roots: readonly string[]): boolean {
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = path.resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((root) => {
    const relative = path.relative(path.resolve(root), file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}
