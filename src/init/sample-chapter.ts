/**
 * The first chapter of a new book: shows what a chapter is made of (front matter, sections that start
 * at a heading with a stable id, paragraphs that align by order), in the source language's place.
 */
export function sampleChapter(title: string): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    'kind: chapter',
    '---',
    '',
    'This is the first paragraph of the book. Replace it with your own text: each paragraph here is set beside the same paragraph of every translation.',
    '',
    '## A first section {#first-section}',
    '',
    'A section starts at a heading with an id in braces. Translations keep the id, so that a changed section can be found in every language.',
    '',
  ].join('\n');
}
