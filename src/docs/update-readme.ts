/**
 * `npm run docs:config`: rewrites the config reference in README.md from the zod schema.
 * With `--check`, changes nothing and exits 1 if the README is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { configReference, withReference } from './config-reference.js';

const README = path.join(PACKAGE_ROOT, 'README.md');
const current = await readFile(README, 'utf8');
const updated = withReference(current, configReference());
if (process.argv.includes('--check')) {
  if (updated !== current) {
    process.stderr.write('README.md: the config reference differs from src/config/schema.ts; run `npm run docs:config`\n');
    process.exitCode = 1;
  }
} else if (updated !== current) {
  await writeFile(README, updated);
  process.stdout.write('README.md: config reference updated from src/config/schema.ts\n');
} else {
  process.stdout.write('README.md: config reference already up to date\n');
}
