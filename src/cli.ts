#!/usr/bin/env node
import { Command } from 'commander';
import { TOOL_VERSION } from './paths.js';

// Commands are imported when run, so `--help` does not pay for loading Chromium drivers and parsers.
const program = new Command();
program
  .name('parallel-press')
  .description('Aligned English / Vietnamese / Khmer markdown to print-ready PDF and EPUB 3')
  .version(TOOL_VERSION)
  .showHelpAfterError();

const collect = (value: string, previous: string[]) => [...previous, value];

program
  .command('build')
  .description('build every edition in book.yaml (or those named with --edition) into BOOK_DIR/build')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('-e, --edition <id>', 'build only this edition (repeatable)', collect, [])
  .option('-o, --out <dir>', 'output directory (default BOOK_DIR/build)')
  .option('--json', 'print a machine-readable result')
  .action(async (bookDir: string, options: { edition: string[]; out?: string; json?: boolean }) => (await import('./commands/build.js')).buildCommand(bookDir, options));

program
  .command('check')
  .description('report missing, misaligned, stale or badly encoded text with file:line:column')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('--json', 'print a machine-readable list of diagnostics')
  .action(async (bookDir: string, options: { json?: boolean }) => (await import('./commands/check.js')).checkCommand(bookDir, options));

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

await program.parseAsync(process.argv);
