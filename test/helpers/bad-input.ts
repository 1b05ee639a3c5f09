import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bad inputs too large to commit, written into a copy of the mini book. Each changes one thing,
 * like the committed cases of test/fixtures/bad-input/.
 */
export const GENERATORS = {
  /** A 50 MB translation (a whole export pasted into one chapter). */
  async 'fifty-megabytes'(book: string): Promise<void> {
    const file = path.join(book, 'translations/vi/01-river.md');
    const paragraph = `${'Ngư dân làm việc trên sông mỗi buổi sáng, và dòng sông chảy qua Campuchia và Việt Nam. '.repeat(100)}\n\n`;
    const chunk = paragraph.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(paragraph)));
    for (let i = 0; i < 50; i++) await appendFile(file, chunk);
  },

  /** 10,000 sections in every language; the Vietnamese heading of section 7,777 lost its id. */
  async 'ten-thousand-headings'(book: string): Promise<void> {
    const words: Record<string, [string, string]> = {
      'manuscript/01-river.md': ['Section', 'Paragraph'],
      'translations/vi/01-river.md': ['Phần', 'Đoạn'],
      'translations/km/01-river.md': ['ផ្នែក', 'កថាខណ្ឌ'],
    };
    for (const [rel, [heading, paragraph]] of Object.entries(words)) {
      const file = path.join(book, rel);
      let text = await readFile(file, 'utf8');
      for (let n = 1; n <= 10_000; n++) {
        const id = rel.includes('/vi/') && n === 7_777 ? '' : ` {#s-${n}}`;
        text += `\n## ${heading} ${n}${id}\n\n${paragraph} ${n}.\n`;
      }
      await writeFile(file, text);
    }
  },

  /** A list nested 2,000 levels deep in the Vietnamese translation (4 MB of indentation). */
  async 'deep-lists'(book: string): Promise<void> {
    const file = path.join(book, 'translations/vi/01-river.md');
    const list = Array.from({ length: 2_000 }, (_, level) => `${'  '.repeat(level)}- mục ${level + 1}`).join('\n');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Ngư dân làm việc trên sông mỗi buổi sáng.', list));
  },
} satisfies Record<string, (book: string) => Promise<void>>;
