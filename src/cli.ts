#!/usr/bin/env node
import { Command } from 'commander';
import type { importCommand } from './commands/import.js';
import type { scaffoldCommand } from './commands/scaffold.js';
import type { statusCommand } from './commands/status.js';
import type { syncCommand } from './commands/sync.js';
import { TOOL_VERSION } from './paths.js';

const program = new Command();
program
  .name('parallel-press')
  .description('Aligned English / Vietnamese / Khmer markdown to print-ready PDF and EPUB 3')
  .version(TOOL_VERSION)
  .showHelpAfterError();

const collect = (value: string, previous: string[]) => [...previous, value];

// Commands load their modules when run: `status` or `sync` should not pay for Chromium and the EPUB writer.

program
  .command('build')
  .description('build every edition in book.yaml (or those named with --edition) into BOOK_DIR/build')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('-e, --edition <id>', 'build only this edition (repeatable)', collect, [])
  .option('-o, --out <dir>', 'output directory (default BOOK_DIR/build)')
  .option('--json', 'print a machine-readable result')
  .option('-w, --watch', 'build, then rebuild the editions a change affects until Ctrl-C')
  .option('--press', "also write each PDF edition's press file ID.press.pdf: 3 mm bleed, crop marks, PDF/X-3")
  .option('--final', 'refuse to build while any translation section is draft or needs review again (as book.yaml `final: true`), listing them')
  .option('--no-cache', 'parse every file again and leave BOOK_DIR/build/.cache alone')
  .option('--timeout <ms>', 'give up when Chromium takes longer than this to start, load or print one edition (default PARALLEL_PRESS_TIMEOUT_MS or 120000)')
  .action(async (bookDir: string, options: { edition: string[]; out?: string; json?: boolean; watch?: boolean; press?: boolean; final?: boolean; cache: boolean; timeout?: string }) => (await import('./commands/build.js')).buildCommand(bookDir, options));

program
  .command('init')
  .description('start a new book in BOOK_DIR: book.yaml, a sample chapter, its translations scaffolded, .gitignore and a CI workflow')
  .argument('[BOOK_DIR]', 'the directory of the new book (created if absent)', '.')
  .option('-l, --languages <list>', 'the book languages, the source language first, comma-separated', 'en,vi,km')
  .option('-t, --title <text>', 'the title in the source language', 'A new book')
  .option('--json', 'print the files written as JSON')
  .action(async (bookDir: string, options: { languages: string; title: string; json?: boolean }) => (await import('./commands/init.js')).initCommand(bookDir, options));

program
  .command('editions')
  .description('list the edition ids of book.yaml, one a line (with --json an array: a CI matrix)')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('--json', 'print the ids as a JSON array')
  .action(async (bookDir: string, options: { json?: boolean }) => (await import('./commands/editions.js')).editionsCommand(bookDir, options));

program
  .command('check')
  .description('report missing, misaligned, stale or badly encoded text with file:line:column')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('--json', 'print a machine-readable list of diagnostics')
  .option('--no-cache', 'parse every file again and leave BOOK_DIR/build/.cache alone')
  .action(async (bookDir: string, options: { json?: boolean; cache: boolean }) => (await import('./commands/check.js')).checkCommand(bookDir, options));

program
  .command('import')
  .description('turn captured articles into manuscript chapters, printing every repair with its line')
  .argument('<FILE...>', 'raw captured articles (UTF-8 text, one paragraph per line)')
  .option('-o, --out <dir>', 'where the chapters go (default manuscript/)')
  .option('-f, --force', 'replace a chapter of the same name imported before')
  .option('--json', 'print a machine-readable list of the repairs')
  .action(async (...args: Parameters<typeof importCommand>) => (await import('./commands/import.js')).importCommand(...args));

program
  .command('status')
  .description('per language and chapter: sections and blocks translated, stale, untranslated, missing; words; draft or reviewed')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('--json', 'print the figures as JSON for tools')
  .action(async (...args: Parameters<typeof statusCommand>) => (await import('./commands/status.js')).statusCommand(...args));

program
  .command('scaffold')
  .description('create or complete translations/LANG/*.md so every section and block exists (new ones :::untranslated); translated text is never touched')
  .argument('<LANG>', 'the translation language, e.g. vi or km')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('--json', 'print the files created or updated as JSON')
  .action(async (...args: Parameters<typeof scaffoldCommand>) => (await import('./commands/scaffold.js')).scaffoldCommand(...args));

program
  .command('sync')
  .description("record the English fingerprints of the named sections in a translation's front matter, after revising them (clears `stale`)")
  .argument('<LANG>', 'the translation language, e.g. vi or km')
  .argument('[FILE]', 'one translation file (e.g. 02-asset.md or translations/vi/02-asset.md); every file when absent')
  .option('-s, --section <id>', 'a section id to record (repeatable; `_lead` is the title and the text before the first heading)', collect, [])
  .option('-a, --all', 'record every translated section')
  .option('-r, --reviewed', 'also record what the review saw, for sections marked reviewed or approved (a later change makes them need review again)')
  .option('-b, --book <dir>', 'the book directory (default: found from FILE, else the current directory)')
  .option('--json', 'print what was recorded as JSON')
  .addHelpText('after', '\nExamples:\n  parallel-press sync vi 02-asset.md --section border\n  parallel-press sync vi 02-asset.md --all --reviewed\n  parallel-press sync km --all --book my-book')
  .action(async (...args: Parameters<typeof syncCommand>) => (await import('./commands/sync.js')).syncCommand(...args));

const xliff = program.command('xliff').description('exchange translations with CAT tools (OmegaT, Trados, memoQ, Weblate) as XLIFF 2.0');

xliff
  .command('export')
  .description('write one XLIFF 2.0 file per chapter for translating into LANG (default BOOK_DIR/build/xliff/LANG/)')
  .argument('<LANG>', 'the translation language, e.g. vi')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('-o, --out <path>', 'a directory for one file per chapter, or a .xlf file for all chapters in one')
  .option('--json', 'print a machine-readable result')
  .action(async (lang: string, bookDir: string, options: { out?: string; json?: boolean }) => (await import('./commands/xliff.js')).xliffExportCommand(lang, bookDir, options));

xliff
  .command('import')
  .description('write the targets of XLIFF files back into translations/LANG/ (only changed blocks; nothing on error)')
  .argument('<FILE...>', 'XLIFF files, optionally followed by the book directory (default .)')
  .option('--json', 'print a machine-readable result')
  .action(async (args: string[], options: { json?: boolean }) => (await import('./commands/xliff.js')).xliffImportCommand(args, options));

program
  .command('preview')
  .description('serve a print edition on 127.0.0.1 and reload it whenever the book changes, with check diagnostics in the page')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('-e, --edition <id>', 'the print edition to show (default: the first pdf edition)')
  .option('-p, --port <n>', 'port on 127.0.0.1; 0 picks a free one', '4700')
  .action(async (bookDir: string, options: { edition?: string; port?: string }) => (await import('./commands/preview.js')).previewCommand(bookDir, options));

await program.parseAsync(process.argv);
