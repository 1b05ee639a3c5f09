import writeFileAtomic from 'write-file-atomic';

/**
 * Writes through a temp file and a rename, so a failed build never leaves a half-written
 * PDF or EPUB over a good one.
 */
export async function writeOutput(target: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomic(target, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}
