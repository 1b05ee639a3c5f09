import path from 'node:path';
import { syncFingerprints } from '../sync/sync.js';
import { EXIT_OK, runCommand } from './run-command.js';

export interface SyncCommandOptions {
  section: string[];
  all?: boolean;
  reviewed?: boolean;
  book?: string;
  json?: boolean;
}

export async function syncCommand(lang: string, file: string | undefined, options: SyncCommandOptions): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const results = await syncFingerprints({
      bookDir: options.book ?? bookDirOf(file, lang) ?? '.',
      lang,
      ...(file !== undefined ? { file } : {}),
      sections: options.section,
      all: options.all ?? false,
      ...(options.reviewed ? { reviewed: true } : {}),
    });
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: true, files: results }, null, 2)}\n`);
      return EXIT_OK;
    }
    for (const result of results) {
      const recorded = result.recorded.length > 0 ? `recorded ${result.recorded.join(', ')}` : 'nothing to record';
      const skipped = result.untranslated.length > 0 ? `; not translated yet, not recorded: ${result.untranslated.join(', ')}` : '';
      const reviewed = result.reviewRecorded && result.reviewRecorded.length > 0 ? `; review recorded: ${result.reviewRecorded.join(', ')}` : '';
      const draft = result.stillDraft && result.stillDraft.length > 0 ? `; still draft, no review recorded: ${result.stillDraft.join(', ')}` : '';
      process.stdout.write(`${result.action} ${result.path}: ${recorded}${skipped}${reviewed}${draft}\n`);
    }
    return EXIT_OK;
  });
}

/** `sync vi path/to/book/translations/vi/02-x.md` finds its book without `--book`. */
function bookDirOf(file: string | undefined, lang: string): string | undefined {
  if (file === undefined || !file.includes('/')) return undefined;
  const dir = path.dirname(path.resolve(file));
  return path.basename(dir) === lang && path.basename(path.dirname(dir)) === 'translations' ? path.dirname(path.dirname(dir)) : undefined;
}
