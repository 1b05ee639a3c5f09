import { loadConfig } from '../config/load.js';
import { EXIT_OK, runCommand } from './run-command.js';

/** The edition ids, validated with book.yaml: a CI workflow makes one job of each. */
export async function editionsCommand(bookDir: string, options: { json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const ids = (await loadConfig(bookDir)).editions.map((edition) => edition.id);
    process.stdout.write(json ? `${JSON.stringify(ids)}\n` : ids.map((id) => `${id}\n`).join(''));
    return EXIT_OK;
  });
}
