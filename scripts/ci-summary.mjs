// Reads vitest's JSON report and prints the one line CI understands: "N passed, N failed, N skipped".
// Tests that never ran because their file or hook failed count as failed, not skipped; a file that
// failed to load counts as one failure. Exits non-zero on any failure or when nothing ran.
import { readFileSync } from 'node:fs';

const [reportPath] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of report.testResults ?? []) {
  const results = file.assertionResults ?? [];
  const fileFailed = file.status === 'failed';
  if (fileFailed && results.length === 0) failed += 1;
  for (const test of results) {
    if (test.status === 'passed') passed += 1;
    else if (test.status === 'failed' || fileFailed) failed += 1;
    else skipped += 1;
  }
}
if (report.success === false && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
