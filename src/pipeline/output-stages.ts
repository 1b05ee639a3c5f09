/**
 * What a build needs once the book is parsed and checked: printing, EPUB writing, pdf-lib. Loaded
 * with `import()` while the manuscript is parsed, so that loading these modules overlaps it (and
 * Chromium's start) instead of delaying both.
 */
export { buildEpubEdition } from './epub-edition.js';
export { layoutOf } from './layouts.js';
export { printEdition } from './print-edition.js';
export { PrintPagesSource } from './print-pages.js';
export { pdfMetadata } from './pdf-metadata.js';
export { applyPdfMetadata } from '../output/pdf-metadata.js';
export { writePressPdf } from '../output/press.js';
