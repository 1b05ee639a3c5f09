import { editionContext } from '../src/layout/edition-view.js';
import { appendFile, copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { toHtml } from 'hast-util-to-html';
import { checkBook } from '../src/check/check-book.js';
import { resolveEditions, type BookConfig, type PdfEdition } from '../src/config/schema.js';
import { layoutOf } from '../src/pipeline/layouts.js';
import { buildDate } from '../src/layout/i18n.js';
import type { Book } from '../src/manuscript/model.js';
import { TEMPLATES_DIR } from '../src/paths.js';
import { copyBook, FIXTURES } from './helpers/cli.js';
import { launchChromium, startPreviewProcess, type PreviewProcess } from './helpers/preview.js';

const OVERLAY_WITH_ERRORS = '#parallel-press-overlay.has-errors';
const LANGS = { en: 'manuscript', vi: 'translations/vi', km: 'translations/km' } as const;

/** GET `pathname` exactly as written (no URL normalisation), with an optional Host header. */
function get(url: string, pathname: string, host?: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname, headers: host ? { host } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('parallel-press preview, in Chromium, on a copy of the mini book', () => {
  let bookDir: string;
  let preview: PreviewProcess;
  let browser: Browser;
  let page: Page;
  let bookYaml: string;

  beforeAll(async () => {
    bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    // An illustrated row in every language, an image the page must load through the server.
    await mkdir(path.join(bookDir, 'images'));
    await copyFile(path.join(FIXTURES, 'preview/dot.png'), path.join(bookDir, 'images/dot.png'));
    const alt = { en: 'A dot', vi: 'Một dấu chấm', km: 'ចំណុចមួយ' } as const;
    for (const [lang, dir] of Object.entries(LANGS) as [keyof typeof LANGS, string][]) {
      await appendFile(path.join(bookDir, dir, '01-river.md'), `\n![${alt[lang]}](${path.relative(dir, 'images/dot.png')})\n`);
    }
    // A file outside the book, and a link to it from inside: the server must not follow it.
    await copyFile(path.join(FIXTURES, 'preview/dot.png'), path.join(path.dirname(bookDir), `${path.basename(bookDir)}-outside.png`));
    await symlink(path.join(path.dirname(bookDir), `${path.basename(bookDir)}-outside.png`), path.join(bookDir, 'images/escape.png'));
    bookYaml = await readFile(path.join(bookDir, 'book.yaml'), 'utf8');
    preview = await startPreviewProcess(bookDir);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (preview && preview.child.exitCode === null) await preview.stop('SIGKILL');
  });

  it('shows the print edition, every language, and loads the book image through the server', async () => {
    const text = await page.evaluate(() => document.body.innerText.replace(/\u00ad/g, ''));
    expect(text).toContain('The Mekong flows from the mountains to the sea.');
    expect(text).toContain('Sông Mê Kông chảy từ núi cao ra biển.');
    expect(text).toContain('ទន្លេមេគង្គហូរពីភ្នំទៅសមុទ្រ។');
    const images = await page.$$eval('img', (all) => all.map((img) => ({ src: img.getAttribute('src'), width: img.naturalWidth })));
    expect(images).toHaveLength(3);
    for (const image of images) expect(image).toEqual({ src: '/__book/images/dot.png', width: 1 });
    expect(await page.$(OVERLAY_WITH_ERRORS)).toBeNull();
    expect(preview.stderr()).toMatch(/rendered mini-print in \d+ ms: 0 error\(s\)/);
  });

  it('serves exactly the HTML that is printed, plus only the preview stylesheet, script and version', async () => {
    const { config, book } = await checkBook(bookDir);
    const edition = resolveEditions(config as BookConfig).find((e) => e.id === 'mini-print') as PdfEdition;
    // The columns layout prints this very document, pass after pass (src/pipeline/layouts.ts).
    const printed = toHtml(layoutOf(edition).document({ edition, context: editionContext(book as Book, edition, buildDate()), templatesDir: TEMPLATES_DIR }));
    expect(printed).not.toContain('<script');
    const served = (await get(preview.url, '/')).body;
    const withoutPreview = served
      .replace(/<meta name="parallel-press-preview" content="[^"]+">/, '')
      .replace('<link rel="stylesheet" href="/__preview/preview.css">', '')
      .replace(/<style>:root \{ --pp-trim-width: 148mm; --pp-trim-height: 210mm; (--pp-margin-\w+: [\d.]+mm; ){4}\}<\/style>/, '')
      .replace('<script src="/__preview/client.js" defer></script>', '')
      .replaceAll('"/__templates/', `"${pathToFileURL(TEMPLATES_DIR).href}/`)
      .replaceAll('"/__book/', `"${pathToFileURL(bookDir).href}/`);
    expect(withoutPreview).toBe(printed);
  });

  it('shows an edited paragraph within 1 s of the file being saved', async () => {
    const file = path.join(bookDir, 'manuscript/01-river.md');
    const source = await readFile(file, 'utf8');
    const started = performance.now();
    await writeFile(file, source.replace('Fishermen work on the river every morning.', 'Fishermen mend their nets at dawn.'));
    await page.waitForFunction(() => document.body.innerText.replace(/\u00ad/g, '').includes('Fishermen mend their nets at dawn.'), { timeout: 10_000, polling: 20 });
    const elapsed = performance.now() - started;
    expect(elapsed, `shown ${Math.round(elapsed)} ms after saving`).toBeLessThan(1000);
  });

  it('overlays the error of a corrupt book.yaml, keeps serving, prints it, and clears it once fixed', async () => {
    await writeFile(path.join(bookDir, 'book.yaml'), bookYaml.replace('languages: [en, vi, km]', 'languages: [en, vi, km'));
    await page.waitForSelector(OVERLAY_WITH_ERRORS, { timeout: 10_000 });
    const overlay = await page.$eval(OVERLAY_WITH_ERRORS, (element) => (element as HTMLElement).innerText);
    expect(overlay).toMatch(/book\.yaml:\d+:\d+/);
    expect(overlay).toContain('config-yaml');
    // The last good pages stay under the overlay, and the server still answers.
    expect(await page.evaluate(() => document.body.innerText.replace(/\u00ad/g, ''))).toContain('Fishermen mend their nets at dawn.');
    expect((await get(preview.url, '/')).status).toBe(200);
    expect(preview.child.exitCode).toBeNull();
    await expect.poll(() => preview.stderr(), { timeout: 5_000 }).toMatch(/book\.yaml:\d+:\d+: error: Invalid YAML/);

    await writeFile(path.join(bookDir, 'book.yaml'), bookYaml);
    await page.waitForSelector(OVERLAY_WITH_ERRORS, { hidden: true, timeout: 10_000 });
    expect(await page.evaluate(() => document.body.innerText.replace(/\u00ad/g, ''))).toContain('Fishermen mend their nets at dawn.');
  });

  it('overlays a misaligned translation with both places, and clears it once aligned', async () => {
    const file = path.join(bookDir, 'translations/vi/01-river.md');
    const aligned = await readFile(file, 'utf8');
    await writeFile(file, `${aligned}\nMột đoạn thừa không có trong bản tiếng Anh.\n`);
    await page.waitForSelector(OVERLAY_WITH_ERRORS, { timeout: 10_000 });
    const overlay = await page.$eval(OVERLAY_WITH_ERRORS, (element) => (element as HTMLElement).innerText);
    expect(overlay).toContain('translations/vi/01-river.md');
    expect(overlay).toContain('block-extra');
    expect(overlay).toMatch(/see manuscript\/01-river\.md:\d+/);
    await writeFile(file, aligned);
    await page.waitForSelector(OVERLAY_WITH_ERRORS, { hidden: true, timeout: 10_000 });
  });

  it('serves book images and templates, and nothing outside them or of another kind', async () => {
    expect(await get(preview.url, '/__book/images/dot.png')).toMatchObject({ status: 200, type: 'image/png' });
    expect(await get(preview.url, '/__templates/print.css')).toMatchObject({ status: 200, type: expect.stringContaining('text/css') });
    for (const escape of [
      '/__book/../book.yaml',
      '/__book/..%2fbook.yaml',
      '/__book/%2e%2e/%2e%2e/etc/passwd',
      '/__book/images/..%5c..%5cbook.yaml',
      '/__templates/../package.json',
      '/__templates/..%2f..%2fpackage.json',
      '/__book/images/escape.png',
      '/__book/images/dot.png%00.css',
      '/__book/book.yaml',
      '/__book/manuscript/01-river.md',
      '/__preview/../../package.json',
      '/__preview/__proto__',
      '/etc/passwd',
    ]) {
      const response = await get(preview.url, escape);
      expect(response.status, escape).toBe(404);
      expect(response.body, escape).not.toContain('languages');
    }
    expect((await get(preview.url, '/', 'attacker.example:80')).status).toBe(403);
  });

  it('stops cleanly on Ctrl-C (SIGINT): exit code 0, port closed', async () => {
    const { code, signal } = await preview.stop('SIGINT');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(preview.stderr()).toContain('parallel-press preview: stopped');
    await expect(get(preview.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('parallel-press preview of a facing edition, in Chromium', () => {
  let preview: PreviewProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const bookDir = await copyBook(path.join(FIXTURES, 'books/mini'));
    await appendFile(path.join(bookDir, 'book.yaml'), '  - { id: mini-facing, format: pdf, layout: facing, languages: [en, vi], trim: A5 }\n');
    preview = await startPreviewProcess(bookDir, ['--edition', 'mini-facing']);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(preview.url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (preview && preview.child.exitCode === null) await preview.stop('SIGKILL');
  });

  it('shows every chapter as a spread: the verso page, in English, left of the recto page, in Vietnamese', async () => {
    const spreads = await page.$$eval('.facing-spread', (all) =>
      all.map((spread) => {
        const side = (name: string) => {
          const element = spread.querySelector(`:scope > .facing-page.${name}`) as HTMLElement | null;
          const box = element?.getBoundingClientRect();
          return { lang: element?.getAttribute('lang'), left: box?.left ?? NaN, right: box?.right ?? NaN, top: box?.top ?? NaN, width: box?.width ?? 0, text: (element?.innerText ?? '').replace(/\u00ad/g, '') };
        };
        return { verso: side('verso'), recto: side('recto') };
      }),
    );
    expect(spreads.length).toBeGreaterThan(0);
    for (const { verso, recto } of spreads) {
      expect(verso.lang).toBe('en');
      expect(recto.lang).toBe('vi');
      // Side by side at the same height, touching at the binding, each a page of the A5 trim (148 mm = 559 px).
      expect(verso.right).toBeLessThanOrEqual(recto.left + 0.5);
      expect(recto.left - verso.right).toBeLessThan(1);
      expect(verso.top).toBe(recto.top);
      expect(Math.round(verso.width)).toBe(Math.round((148 * 96) / 25.4));
      expect(recto.width).toBe(verso.width);
    }
    const river = spreads.find((s) => s.verso.text.includes('The Mekong flows from the mountains to the sea.'));
    expect(river?.recto.text).toContain('Sông Mê Kông chảy từ núi cao ra biển.');
    expect(river?.verso.text).not.toContain('Sông Mê Kông');
    expect(river?.recto.text).not.toContain('The Mekong flows');
    expect(await page.$('.parallel')).toBeNull();
    expect(await page.$(OVERLAY_WITH_ERRORS)).toBeNull();
    expect(preview.stderr()).toMatch(/rendered mini-facing in \d+ ms: 0 error\(s\)/);
  });
});
