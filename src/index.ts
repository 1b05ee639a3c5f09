/** The programmatic API: the same stages the CLI runs. */
export { buildBook, type BuildOptions, type BuildResult } from './pipeline/build-book.js';
export { loadConfig, parseConfig } from './config/load.js';
export { bookSchema, resolveEditions, type BookConfig, type Edition, type PdfEdition, type EpubEdition } from './config/schema.js';
export { loadBook } from './manuscript/load.js';
export { lintBook, LINT_RULES, RULE_CATALOGUE } from './lint/index.js';
export { fingerprint, fingerprintUnits } from './manuscript/fingerprint.js';
export type { Book, AlignedChapter, AlignedSection, AlignedRow, ManuscriptDocument } from './manuscript/model.js';
export * from './diagnostics/index.js';
export { exportXliff, importXliff, type ExportOptions, type ExportResult, type ImportResult } from './xliff/index.js';
export { checkBook, type CheckedBook } from './check/check-book.js';
export { DocumentCache } from './manuscript/document-cache.js';
export { startPreview, type PreviewOptions, type PreviewServer } from './preview/preview-server.js';
export { watchBuild, type WatchBuildOptions } from './watch/watch-build.js';
