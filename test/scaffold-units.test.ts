import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';

const BOOK_YAML = `title: { en: The Accord, vi: Hiệp định, km: កិច្ចព្រមព្រៀង }
identifier: urn:uuid:0f3a5c2e-1b2d-4c5e-8f70-9a1b2c3d4e5f
description: Items, rows and notes that a translation cut short.
languages: [en, vi, km]
editions:
  - id: accord-epub
    format: epub
`;

describe('scaffold with list items and table rows', () => {
  it('adds the missing item in English inside the list, with its footnote, and leaves the rest untouched', async () => {
    const dir = await copyBook(path.join(FIXTURES, 'lint/units/fail'));
    await writeFile(path.join(dir, 'book.yaml'), BOOK_YAML);
    const file = path.join(dir, 'translations/vi/01-accord.md');
    const before = await readFile(file, 'utf8');
    const scaffolded = await runCli(['scaffold', 'vi', dir]);
    expect(scaffolded.code).toBe(0);
    expect(scaffolded.stdout).toContain('1 list item(s) or table row(s)');
    const after = await readFile(file, 'utf8');
    // Item 3 follows item 2's nested list directly (same list), the note definition goes at the end.
    expect(after).toContain('   - Một thành viên là giáo viên.\n3. The commission meets every spring.[^spring]\n\n| Sông');
    expect(after.trimEnd().endsWith('[^spring]: The first meeting was held in March.')).toBe(true);
    // Every line of the translation is still there, in order.
    const kept = before.split('\n').filter((l) => l !== '');
    expect(after.split('\n').filter((l) => kept.includes(l))).toEqual(kept);
    const check = await runCli(['check', dir, '--json']);
    const ids = (JSON.parse(check.stdout) as { diagnostics: { ruleId: string; file: string }[] }).diagnostics.filter((d) => d.file.includes('/vi/')).map((d) => d.ruleId);
    expect(ids).not.toContain('item-missing');
    expect(ids).not.toContain('note-missing');
    expect(ids).toContain('row-extra');
  });
});
