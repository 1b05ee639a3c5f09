export { exportXliff, type ExportOptions, type ExportResult, type ExportedFile } from './export.js';
export { importXliff, type ImportResult } from './import.js';
