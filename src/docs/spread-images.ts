/**
 * `npm run docs:spreads`: one spread of each print layout of the built book as a PNG in docs/images/,
 * for the README. Run `npm run build` first. The two pages are set side by side on one sheet with
 * pdf-lib and rendered by poppler's pdftoppm, as a reader would see the open book.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadConfig } from '../config/load.js';
import { isPdfEdition, resolveEditions } from '../config/schema.js';
import { PACKAGE_ROOT } from '../paths.js';
import { layoutOf } from '../pipeline/layouts.js';
import { readManifest } from '../pipeline/manifest.js';

const outDir = path.join(PACKAGE_ROOT, 'docs/images');
const buildDir = path.join(PACKAGE_ROOT, 'build');
await mkdir(outDir, { recursive: true });
const manifest = await readManifest(buildDir);
const work = await mkdtemp(path.join(os.tmpdir(), 'pp-spreads-'));
try {
  const editions = resolveEditions(await loadConfig(PACKAGE_ROOT)).filter(isPdfEdition);
  if (editions.length === 0) throw new Error('book.yaml has no PDF edition to show a spread of');
  for (const edition of editions) {
    const entry = manifest?.editions.find((e) => e.id === edition.id);
    if (!entry) throw new Error(`build/${edition.id}.pdf is missing: run npm run build first`);
    // A spread of the second chapter, full of parallel text: which one, the layout knows.
    const layout = layoutOf(edition);
    const verso = layout.showcaseVerso(Object.values(entry.chapterPages ?? {}).sort((a, b) => a - b));
    const source = await PDFDocument.load(await readFile(path.join(buildDir, entry.path)), { updateMetadata: false });
    const sheet = await PDFDocument.create();
    const [left, right] = await sheet.embedPages([source.getPage(verso - 1), source.getPage(verso)]);
    if (!left || !right) continue;
    const page = sheet.addPage([left.width + right.width, left.height]);
    page.drawPage(left, { x: 0, y: 0 });
    page.drawPage(right, { x: left.width, y: 0 });
    const twoUp = path.join(work, `${edition.id}.pdf`);
    await writeFile(twoUp, await sheet.save());
    const png = path.join(outDir, `spread-${layout.layout}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', twoUp, png]);
    process.stdout.write(`docs/images/spread-${layout.layout}.png: ${edition.id}, pages ${verso}–${verso + 1}\n`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
