import type { Severity } from '../diagnostics/index.js';

/**
 * Every rule id `check` can report, with its severity and what it means: the reference for the
 * README and for `--json` consumers. Ids are `subject-problem`; the loader's own ids are listed too.
 */
export const RULE_CATALOGUE: Readonly<Record<string, { severity: Severity; summary: string }>> = {
  // Reported while loading (src/manuscript/, src/markdown/).
  'missing-directory': { severity: 'error', summary: 'manuscript/ or translations/LANG/ cannot be read' },
  'manuscript-empty': { severity: 'error', summary: 'manuscript/ holds no chapter' },
  'file-missing': { severity: 'error', summary: 'a chapter has no translation file in a book language' },
  'file-extra': { severity: 'warning', summary: 'a translation file has no source chapter' },
  'file-unreadable': { severity: 'error', summary: 'a file cannot be read' },
  'encoding-utf8': { severity: 'error', summary: 'a file is not valid UTF-8 (legacy byte encodings are named when recognised)' },
  'encoding-utf16': { severity: 'warning', summary: 'a file is UTF-16; decoded, but save it as UTF-8' },
  'encoding-binary': { severity: 'error', summary: 'a file holds NUL bytes' },
  'front-matter-yaml': { severity: 'error', summary: 'front matter is not a YAML mapping' },
  'front-matter-kind': { severity: 'error', summary: 'unknown `kind`' },
  'heading-id-format': { severity: 'error', summary: 'a heading id is not lowercase letters, digits and hyphens' },
  'raw-html': { severity: 'warning', summary: 'raw HTML removed' },
  'unsafe-link': { severity: 'warning', summary: 'a link target with a forbidden scheme removed' },
  'remote-image': { severity: 'warning', summary: 'a remote image removed' },
  'image-outside-book': { severity: 'error', summary: 'an image path leaves the book directory' },
  // src/lint/ rules.
  'heading-id-missing': { severity: 'error', summary: 'a `#`/`##` heading without `{#id}`' },
  'heading-id-duplicate': { severity: 'error', summary: 'two sections of a file share an id' },
  'section-missing': { severity: 'error', summary: 'a source section is absent from a translation' },
  'section-extra': { severity: 'error', summary: 'a translation section matches no source section' },
  'block-missing': { severity: 'error', summary: 'a translated section has fewer blocks than its source' },
  'block-extra': { severity: 'error', summary: 'a translated section has more blocks than its source' },
  'section-stale': { severity: 'warning', summary: 'the English changed since the recorded fingerprint' },
  'section-unsynced': { severity: 'info', summary: 'a translated section has no recorded fingerprint' },
  'block-untranslated': { severity: 'warning', summary: 'a block marked `:::untranslated`' },
  'title-untranslated': { severity: 'warning', summary: 'a translation without a `title`' },
  'block-empty': { severity: 'warning', summary: 'a block or heading with no text' },
  'identical-to-source': { severity: 'warning', summary: 'a translated block, heading or title identical to the English' },
  'text-not-nfc': { severity: 'warning', summary: 'the file on disk is not Unicode NFC' },
  'encoding-tcvn3': { severity: 'error', summary: 'Vietnamese in TCVN3 (ABC) pasted as Latin-1' },
  'encoding-vni': { severity: 'error', summary: 'Vietnamese in VNI Windows pasted as Latin-1' },
  'encoding-viqr': { severity: 'error', summary: 'Vietnamese in VIQR (ASCII diacritic marks)' },
  'encoding-windows-1258': { severity: 'error', summary: 'Windows-1258 Vietnamese read as Windows-1252/Latin-1' },
  'encoding-mojibake': { severity: 'error', summary: 'double-encoded UTF-8 ("Viá»‡t")' },
  'script-khmer-in-vi': { severity: 'warning', summary: 'Khmer text in the Vietnamese translation' },
  'script-vietnamese-in-km': { severity: 'warning', summary: 'Vietnamese letters in the Khmer translation' },
  'script-latin-in-km': { severity: 'warning', summary: 'a Khmer block with only Latin prose' },
  'khmer-order': { severity: 'warning', summary: 'Khmer marks out of canonical order' },
  'image-alt-missing': { severity: 'error', summary: 'an image without alt text (`![description](file.png)`)' },
};
