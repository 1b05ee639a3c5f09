import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'xast';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBook, FIXTURES, runCli } from './helpers/cli.js';
import { elements, readXliffTree, schemaErrors, textOf, unit } from './helpers/xliff.js';

const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';

const GLOSSARY = `terms:
  - id: mekong
    source: [Mekong, Mekong River]
    note: The river, in its conventional forms.
    translations:
      vi: { preferred: [Mê Kông, sông Mê Kông] }
      km: { preferred: [មេគង្គ] }
  - id: cambodia
    source: [Cambodia]
    translations:
      vi: { preferred: [Campuchia], forbidden: [Cam Bốt], note: The official form. }
`;

const children = (element: Element) => element.children.filter((c): c is Element => c.type === 'element');

/**
 * The structure the XLIFF 2.0 Glossary module (OASIS XLIFF 2.0 §5.2) prescribes, checked by hand:
 * no npm or Debian package ships its XSD, and the core schema takes module elements laxly.
 * <gls:glossary> holds one or more <gls:glossEntry>; an entry holds exactly one <gls:term>, then
 * any <gls:translation>, then at most one <gls:definition>, and a translation or a definition.
 */
function moduleProblems(glossary: Element): string[] {
  const problems: string[] = [];
  const entries = children(glossary);
  if (entries.length === 0) problems.push('empty gls:glossary');
  for (const entry of entries) {
    if (entry.name !== 'gls:glossEntry') problems.push(`${entry.name} in gls:glossary`);
    const names = children(entry).map((c) => c.name).join(' ');
    if (!/^gls:term( gls:translation)*( gls:definition)?$/.test(names)) problems.push(`glossEntry ${String(entry.attributes.id)}: ${names}`);
    if (!/gls:(translation|definition)/.test(names)) problems.push(`glossEntry ${String(entry.attributes.id)} has neither translation nor definition`);
    for (const attribute of Object.keys(entry.attributes)) if (!['id', 'ref'].includes(attribute)) problems.push(`glossEntry @${attribute}`);
  }
  return problems;
}

describe('xliff export with a termbase', () => {
  let book: string;
  let xml: string;
  beforeAll(async () => {
    book = await copyBook(path.join(FIXTURES, 'books/mini'));
    await writeFile(path.join(book, 'glossary.yaml'), GLOSSARY);
    const result = await runCli(['xliff', 'export', 'vi', book]);
    expect(result.code, result.stderr).toBe(0);
    xml = await readFile(path.join(book, 'build/xliff/vi/01-river.xlf'), 'utf8');
  });

  it('still validates against the XLIFF 2.0 core schema', async () => {
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain(`xmlns:gls="${GLS_NS}"`);
  });

  it("gives each unit the entries of the terms its English contains, in the module's structure", async () => {
    const tree = await readXliffTree(path.join(book, 'build/xliff/vi/01-river.xlf'));
    const glossaries = elements(tree, 'gls:glossary');
    expect(glossaries.length).toBe(2);
    for (const glossary of glossaries) expect(moduleProblems(glossary)).toEqual([]);

    const lead = unit(tree, '_lead-1');
    // Module elements come before <notes> in a unit (the core schema's extension point).
    expect(children(lead).map((c) => c.name)).toEqual(['mda:metadata', 'gls:glossary', 'notes', 'segment']);
    const mekong = elements(lead, 'gls:glossEntry');
    expect(mekong.map((e) => e.attributes.id)).toEqual(['mekong']);
    expect(elements(lead, 'gls:term').map(textOf)).toEqual(['Mekong']);
    expect(elements(lead, 'gls:translation').map(textOf)).toEqual(['Mê Kông', 'sông Mê Kông']);
    expect(elements(lead, 'gls:definition').map(textOf)).toEqual(['The river, in its conventional forms.']);

    const cambodia = unit(tree, 'two-countries-1');
    expect(elements(cambodia, 'gls:translation').map(textOf)).toEqual(['Campuchia']);
    expect(elements(cambodia, 'gls:definition').map(textOf)).toEqual(['The official form. Do not use: Cam Bốt.']);
    expect(elements(unit(tree, 'two-countries-heading'), 'gls:glossary')).toEqual([]);
  });

  it('is imported back unchanged: CAT tools may keep or drop the glossary', async () => {
    const before = await readFile(path.join(book, 'translations/vi/01-river.md'), 'utf8');
    const result = await runCli(['xliff', 'import', path.join(book, 'build/xliff/vi/01-river.xlf'), book]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(book, 'translations/vi/01-river.md'), 'utf8')).toBe(before);
  });

  it('reports a broken glossary.yaml with a code frame, like book.yaml', async () => {
    const broken = await copyBook(path.join(FIXTURES, 'books/mini'));
    await writeFile(path.join(broken, 'glossary.yaml'), GLOSSARY.replace('id: cambodia', 'id: Cambodia').replace('    source: [Mekong, Mekong River]\n', ''));
    const result = await runCli(['check', broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/glossary\.yaml:2:5: error: Missing `terms\.0\.source`: expected array\. \[glossary-schema\]/);
    expect(result.stderr).toMatch(/glossary\.yaml:7:9: error: Invalid value at `terms\.1\.id`: expected a kebab-case id .*\[glossary-schema\][\s\S]*?> 7 \|   - id: Cambodia\n\s+\|\s+\^/);
  });
});
