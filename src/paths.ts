import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file lives in src/ (tests) or dist/ (the CLI), both one level down. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** PARALLEL_PRESS_TEMPLATES_DIR replaces the bundled templates (a house style; tests use it for broken ones). */
export const TEMPLATES_DIR = process.env.PARALLEL_PRESS_TEMPLATES_DIR ? path.resolve(process.env.PARALLEL_PRESS_TEMPLATES_DIR) : path.join(PACKAGE_ROOT, 'templates');

export const TOOL_VERSION: string = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
