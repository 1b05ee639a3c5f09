/**
 * Khmer at the Latin's optical size, matched by x-height and never smaller. Read from the fonts'
 * glyph outlines (harfbuzz extents): Noto Serif's x-height is 0.536 em; Noto Serif Khmer's base
 * consonants (ក ន ម: without ascender, subscript or vowel sign) stand 0.68 em. Matching them would
 * set Khmer at 0.79 of the Latin size, under the floor: Khmer is set at the Latin size, its base
 * glyphs then taller than the Latin x-height, headings alike. print.css and epub.css carry the same
 * (no Khmer size change); estimates of Khmer widths use this factor.
 */
export const KHMER_SCALE = 1;
