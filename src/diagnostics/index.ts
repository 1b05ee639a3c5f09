export * from './diagnostic.js';
export * from './report.js';
