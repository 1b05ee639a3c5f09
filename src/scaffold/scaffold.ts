import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { TRANSLATIONS_DIR } from '../manuscript/load.js';
import { writeOutput } from '../fs/atomic.js';
import { newTranslationText } from './markdown.js';
import { planScaffold } from './plan.js';
import { spliceLines } from './splice.js';
import { loadForLanguage, readForEditing } from './translation-file.js';
import { exists } from '../fs/exists.js';

export interface ScaffoldedFile {
  path: string;
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  /** Section ids added (`_lead` for the lead). */
  sections: string[];
  blocks: number;
  /** List items and table rows added to a list or table the translation cut short. */
  units?: number;
}

export interface ScaffoldResult {
  files: ScaffoldedFile[];
  diagnostics: Diagnostic[];
}

/**
 * Makes translations/LANG mirror the source: missing files are created (status: draft), missing
 * sections and blocks inserted as `:::untranslated` containers holding the English. Existing text
 * is never rewritten: edits are insertions between lines, so every translated byte stays as it was.
 */
export async function scaffoldLanguage(bookDir: string, lang: string): Promise<ScaffoldResult> {
  const dir = path.resolve(bookDir);
  const { book } = await loadForLanguage(dir, lang);
  const files: ScaffoldedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  await mkdir(path.join(dir, TRANSLATIONS_DIR, lang), { recursive: true });
  for (const chapter of book.chapters) {
    const source = chapter.documents[book.sourceLang];
    if (!source) continue;
    const rel = `${TRANSLATIONS_DIR}/${lang}/${chapter.name}`;
    const file = path.join(dir, rel);
    const translation = chapter.documents[lang];
    if (!translation) {
      if (await exists(file)) {
        diagnostics.push(...book.diagnostics.filter((d) => d.file === rel && d.severity === 'error'));
        files.push({ path: rel, action: 'skipped', sections: [], blocks: 0 });
        continue;
      }
      await writeOutput(file, newTranslationText(source));
      const blocks = source.sections.reduce((n, s) => n + s.blocks.length, 0);
      files.push({ path: rel, action: 'created', sections: source.sections.map((s) => (s.heading ? s.id : '_lead')), blocks });
      continue;
    }
    const plan = planScaffold(source, translation);
    if (plan.insertions.length === 0 && plan.units === 0) {
      files.push({ path: rel, action: 'unchanged', sections: [], blocks: 0 });
      continue;
    }
    const original = await readForEditing(file, rel);
    if ('error' in original) {
      diagnostics.push(original.error);
      files.push({ path: rel, action: 'skipped', sections: [], blocks: 0 });
      continue;
    }
    await writeOutput(file, spliceLines(original.text, plan.insertions));
    files.push({ path: rel, action: 'updated', sections: plan.sections, blocks: plan.blocks, ...(plan.units > 0 ? { units: plan.units } : {}) });
  }
  return { files, diagnostics };
}

