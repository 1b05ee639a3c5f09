import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_CASES, IMPORT_FIXTURES, importCase, repairReport } from './helpers/import.js';

/**
 * Golden files: each captured article imports to the reviewed expected.md, with the reviewed
 * list of repairs in repairs.txt. After a deliberate change, regenerate with
 * `UPDATE=1 npx vitest run test/import-golden.test.ts` and read the diff before committing.
 */
const update = process.env.UPDATE === '1';

describe('import golden files', () => {
  it('has both seed articles as cases', () => {
    expect(IMPORT_CASES).toEqual(expect.arrayContaining(['friendship-continues', 'priceless-common-asset']));
  });

  for (const name of IMPORT_CASES) {
    it(`imports ${name} to expected.md with the expected repairs`, async () => {
      const article = await importCase(name);
      const outputs = { 'expected.md': article.markdown, 'repairs.txt': repairReport(article) };
      for (const [file, actual] of Object.entries(outputs)) {
        const golden = path.join(IMPORT_FIXTURES, name, file);
        if (update) await writeFile(golden, actual);
        expect(actual, `${name}/${file} (regenerate with UPDATE=1 and review the diff)`).toBe(await readFile(golden, 'utf8'));
      }
    });
  }
});
