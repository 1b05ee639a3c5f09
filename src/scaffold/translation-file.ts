import { readFile } from 'node:fs/promises';
import { UserError, type Diagnostic } from '../diagnostics/index.js';
import { loadConfig } from '../config/load.js';
import type { BookConfig } from '../config/schema.js';
import { loadBook } from '../manuscript/load.js';
import type { Book } from '../manuscript/model.js';

/** The config and book, loaded for commands that edit one translation language. */
export async function loadForLanguage(bookDir: string, lang: string): Promise<{ config: BookConfig; book: Book }> {
  const config = await loadConfig(bookDir);
  const sourceLang = config.languages[0] ?? 'en';
  if (lang === sourceLang || !config.languages.includes(lang)) {
    const choices = config.languages.filter((l) => l !== sourceLang);
    throw new UserError({
      file: 'book.yaml',
      severity: 'error',
      ruleId: 'language-unknown',
      message: `Unknown translation language \`${lang}\`: expected one of ${choices.join(', ') || '(none: book.yaml lists only the source language)'}, the languages of book.yaml after the source language ${sourceLang}`,
    });
  }
  return { config, book: await loadBook(bookDir, config, [sourceLang, lang]) };
}

/**
 * A translation file's text exactly as on disk (a BOM kept as U+FEFF), for byte-preserving edits;
 * a diagnostic instead when it is not UTF-8, since rewriting it would change its encoding.
 */
export async function readForEditing(file: string, rel: string): Promise<{ text: string } | { error: Diagnostic }> {
  const bytes = await readFile(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: { file: rel, line: 1, column: 1, severity: 'error', ruleId: 'encoding-utf16', message: `${rel} is UTF-16 and was left untouched: expected UTF-8; convert it (e.g. \`iconv -f UTF-16 -t UTF-8\`) and run the command again` } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { error: { file: rel, severity: 'error', ruleId: 'encoding-utf8', message: `${rel} is not valid UTF-8 and was left untouched: expected UTF-8; \`parallel-press check\` locates the bad bytes` } };
  }
}
