import { formatDiagnostics, hasErrors, diagnosticsToJson } from '../diagnostics/index.js';
import { scaffoldLanguage } from '../scaffold/scaffold.js';
import { EXIT_OK, EXIT_USER_ERROR, runCommand } from './run-command.js';

export async function scaffoldCommand(lang: string, bookDir: string, options: { json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  await runCommand(json, async () => {
    const result = await scaffoldLanguage(bookDir, lang);
    if (json) {
      process.stdout.write(`${JSON.stringify({ ok: !hasErrors(result.diagnostics), files: result.files, diagnostics: diagnosticsToJson(result.diagnostics) }, null, 2)}\n`);
    } else {
      for (const file of result.files) {
        const sections = file.sections.length > 0 ? `, new section(s) ${file.sections.join(', ')}` : '';
        const added = file.action === 'created' || file.action === 'updated' ? `: ${file.blocks} block(s)${sections}${file.units ? `, ${file.units} list item(s) or table row(s) in English` : ''}; text to translate is marked :::untranslated` : '';
        process.stdout.write(`${file.action} ${file.path}${added}\n`);
      }
      if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
    }
    return hasErrors(result.diagnostics) ? EXIT_USER_ERROR : EXIT_OK;
  });
}
