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
  .option('-w, --watch', 'build, then rebuild the editions a change affects until Ctrl-C')
  .option('--no-cache', 'parse every file again and leave BOOK_DIR/build/.cache alone')
  .action(async (bookDir: string, options: { edition: string[]; out?: string; json?: boolean; watch?: boolean; cache: boolean }) => (await import('./commands/build.js')).buildCommand(bookDir, options));

program
  .command('check')
  .description('report missing, misaligned, stale or badly encoded text with file:line:column')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('--json', 'print a machine-readable list of diagnostics')
  .option('--no-cache', 'parse every file again and leave BOOK_DIR/build/.cache alone')
  .action(async (bookDir: string, options: { json?: boolean; cache: boolean }) => (await import('./commands/check.js')).checkCommand(bookDir, options));

program
  .command('preview')
  .description('serve a print edition on 127.0.0.1 and reload it whenever the book changes, with check diagnostics in the page')
  .argument('[BOOK_DIR]', 'the book directory (holds book.yaml)', '.')
  .option('-e, --edition <id>', 'the print edition to show (default: the first pdf edition)')
  .option('-p, --port <n>', 'port on 127.0.0.1; 0 picks a free one', '4700')
  .action(async (bookDir: string, options: { edition?: string; port?: string }) => (await import('./commands/preview.js')).previewCommand(bookDir, options));

await program.parseAsync(process.argv);
