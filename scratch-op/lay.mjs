import { loadConfig } from '/work/wt/oneprint/dist/config/load.js';
import { resolveEditions } from '/work/wt/oneprint/dist/config/schema.js';
import { loadBook } from '/work/wt/oneprint/dist/manuscript/load.js';
import { layoutOf } from '/work/wt/oneprint/dist/pipeline/layouts.js';
import { TEMPLATES_DIR } from '/work/wt/oneprint/dist/paths.js';
import { toHtml } from 'hast-util-to-html';
const dir = process.argv[2], id = process.argv[3];
const config = await loadConfig(dir); const book = await loadBook(dir, config);
const ed = resolveEditions(config).find(e => e.id === id);
for (let i = 0; i < 3; i++) {
let t = performance.now();
const root = layoutOf(ed).document({ edition: ed, context: { book, date: new Date(0) }, templatesDir: TEMPLATES_DIR });
const a = performance.now() - t; t = performance.now();
const html = toHtml(root);
console.log({ document: a | 0, toHtml: (performance.now() - t) | 0, bytes: html.length });
}
