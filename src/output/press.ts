import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDocument, PDFName, PDFNumber, rgb } from 'pdf-lib';
import { UserError } from '../diagnostics/index.js';
import { writeOutput } from '../fs/atomic.js';
import { PDF_LOAD, PDF_SAVE } from './pdf-metadata.js';

const run = promisify(execFile);
const MM = 72 / 25.4;
/** The printer's bleed, and the slug around it where the crop marks go. */
export const BLEED_MM = 3;
const SLUG_MM = 9;
const GHOSTSCRIPT_DIR = '/usr/share/ghostscript';

export interface PressOptions {
  /** The screen PDF, at the trim size. */
  screen: Uint8Array;
  workDir: string;
  outPath: string;
  /** Ghostscript writes the Info dictionary anew: it is set again after it. */
  restoreMetadata: (document: PDFDocument) => void;
}

/**
 * The printer's PDF: every page at trim size placed on a sheet with 3 mm bleed and a slug with crop
 * marks at the trim corners, TrimBox and BleedBox set, then made PDF/X-3 (CMYK, output intent) by
 * Ghostscript. The book's pages are white, so the bleed is empty; nothing is stretched into it.
 */
export async function writePressPdf({ screen, workDir, outPath, restoreMetadata }: PressOptions): Promise<{ bytes: number }> {
  const source = await PDFDocument.load(screen, PDF_LOAD);
  const press = await PDFDocument.create(PDF_LOAD);
  const margin = (BLEED_MM + SLUG_MM) * MM;
  const embedded = await press.embedPages(source.getPages());
  embedded.forEach((page) => {
    const sheet = press.addPage([page.width + 2 * margin, page.height + 2 * margin]);
    sheet.drawPage(page, { x: margin, y: margin });
    const trim = [margin, margin, margin + page.width, margin + page.height] as const;
    const bleed = BLEED_MM * MM;
    sheet.node.set(PDFName.of('TrimBox'), box(press, trim));
    sheet.node.set(PDFName.of('BleedBox'), box(press, [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed]));
    drawCropMarks(sheet, trim, bleed);
  });
  const placed = path.join(workDir, `${path.basename(outPath)}.placed.pdf`);
  const pdfx = path.join(workDir, `${path.basename(outPath)}.pdfx.pdf`);
  await writeFile(placed, await press.save(PDF_SAVE));
  await toPdfx(placed, pdfx, workDir);
  const result = await PDFDocument.load(await readFile(pdfx), PDF_LOAD);
  restoreMetadata(result);
  const bytes = await result.save(PDF_SAVE);
  await writeOutput(outPath, bytes);
  return { bytes: bytes.byteLength };
}

function box(document: PDFDocument, [x0, y0, x1, y1]: readonly [number, number, number, number]): PDFArray {
  return document.context.obj([x0, y0, x1, y1].map((v) => PDFNumber.of(Math.round(v * 1000) / 1000)));
}

/** Two hairlines at each trim corner, outside the bleed, in registration black. */
function drawCropMarks(sheet: ReturnType<PDFDocument['addPage']>, [x0, y0, x1, y1]: readonly [number, number, number, number], bleed: number): void {
  const gap = bleed + 1 * MM;
  const length = 5 * MM;
  const line = (sx: number, sy: number, ex: number, ey: number) => sheet.drawLine({ start: { x: sx, y: sy }, end: { x: ex, y: ey }, thickness: 0.25, color: rgb(0, 0, 0) });
  for (const x of [x0, x1]) {
    const out = x === x0 ? -1 : 1;
    for (const y of [y0, y1]) {
      const up = y === y0 ? -1 : 1;
      line(x + out * gap, y, x + out * (gap + length), y);
      line(x, y + up * gap, x, y + up * (gap + length));
    }
  }
}

/** Ghostscript's own PDF/X-3 definition file, pointed at its default CMYK output profile. */
async function toPdfx(input: string, output: string, workDir: string): Promise<void> {
  const version = await ghostscriptVersion();
  const base = path.join(GHOSTSCRIPT_DIR, version);
  const definition = (await readFile(path.join(base, 'lib/PDFX_def.ps'), 'latin1'))
    .replace(/\/ICCProfile \([^)]*\) def/, `/ICCProfile (${path.join(base, 'iccprofiles/default_cmyk.icc')}) def`)
    .replace(/\/Title \(Title\)/, '/Title (parallel-press)');
  const definitionFile = path.join(workDir, 'PDFX_def.ps');
  await writeFile(definitionFile, definition, 'latin1');
  try {
    await run('gs', ['-dPDFX', '-dBATCH', '-dNOPAUSE', '-dQUIET', `--permit-file-read=${base}/`, '-sDEVICE=pdfwrite', '-sColorConversionStrategy=CMYK', '-sProcessColorModel=DeviceCMYK', '-dPDFXSetBleedBoxToMediaBox=false', `-sOutputFile=${output}`, definitionFile, input], { timeout: 300_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError({ file: output, severity: 'error', ruleId: 'press-failed', message: `Ghostscript could not make the PDF/X press file (${reason}): expected a working \`gs\`; install it with \`apt-get install ghostscript\`. The screen PDF was written.` });
  }
}

async function ghostscriptVersion(): Promise<string> {
  try {
    return (await run('gs', ['--version'])).stdout.trim();
  } catch {
    throw new UserError({ file: 'gs', severity: 'error', ruleId: 'ghostscript-missing', message: 'Ghostscript (`gs`) was not found: press PDFs are made PDF/X by it. Install it with `apt-get install ghostscript` (or run `bash scripts/setup` as root).' });
  }
}
