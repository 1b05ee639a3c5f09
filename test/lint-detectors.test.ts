import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { khmerOrderProblems } from '../src/text/khmer/canonical-order.js';
import { findDoubleEncoded, repairWord } from '../src/text/vietnamese/double-utf8.js';
import { findLegacyWords, LEGACY_ENCODINGS } from '../src/text/vietnamese/legacy-encodings.js';
import { isVietnameseSyllable } from '../src/text/vietnamese/syllable.js';
import { fingerprint } from '../src/manuscript/fingerprint.js';

const VIETNAMESE = 'Cộng hòa xã hội chủ nghĩa Việt Nam, đường Trường Sơn, người dân, tiếng Việt là ngôn ngữ của chúng tôi';
const CLEAN = [
  VIETNAMESE,
  'Dòng sông chảy qua Campuchia và Việt Nam; có cá, ý kiến, mã số, Hà Nội, Thủ tướng Hun Sen.',
  "I'm sure the café in Zürich is naïve, e.g. at 8 a.m. and 5 p.m. O'Brien said: don't. Señor José, Ångström, façade, «quoted» — and C++, e^x.",
  'ទន្លេមេគង្គហូរពីភ្នំទៅសមុទ្រ។ សម្តេចតេជោ ហ៊ុន សែន',
  'លោកបាននិយាយថា «មិត្តភាព» និង «សាមគ្គីភាព» ជារៀងរហូត។ Ông nói: « Tình hữu nghị » và « đoàn kết ».',
];

function asWindows1252(bytes: Buffer): string {
  return [...bytes].map((b) => ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b) ? String.fromCharCode(b) : new TextDecoder('windows-1252').decode(Uint8Array.of(b)))).join('');
}

describe('Vietnamese syllables', () => {
  it('accepts real syllables and rejects garbled or foreign words', () => {
    for (const word of ['việt', 'Nguyễn', 'đường', 'người', 'khuya', 'quốc', 'gì', 'giữa', 'nghiêng', 'oản']) expect(isVietnameseSyllable(word), word).toBe(true);
    for (const word of ['Campuchia', 'café', 'ViÖt', 'hßa', 'Vieät', 'ỤS', 'việtt', 'àá']) expect(isVietnameseSyllable(word), word).toBe(false);
  });
});

describe('legacy Vietnamese encodings', () => {
  /** Encodings that explain words of the text, the one explaining most first (as the rule decides). */
  const detect = (text: string) =>
    LEGACY_ENCODINGS.map((e) => ({ id: e.ruleId, words: findLegacyWords(text, e) }))
      .filter((f) => f.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);

  it('recognises TCVN3 and Windows-1258 made by iconv, and decodes them back to the Unicode words', () => {
    for (const [encoding, ruleId] of [['TCVN5712-1', 'encoding-tcvn3'], ['WINDOWS-1258', 'encoding-windows-1258']] as const) {
      const garbled = asWindows1252(execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: VIETNAMESE }));
      const found = detect(garbled)[0];
      expect(found?.id).toBe(ruleId);
      for (const word of found?.words ?? []) expect(VIETNAMESE.includes(word.decoded), `${word.word} → ${word.decoded}`).toBe(true);
      expect(found?.words.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('recognises VNI and VIQR written by hand', () => {
    const vni = detect('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, ñöôøng Tröôøng Sôn');
    expect(vni[0]?.id).toBe('encoding-vni');
    expect(vni[1]?.words.length ?? 0).toBeLessThan((vni[0]?.words.length ?? 0) / 2);
    // "xaõ", "nghóa", "Sôn" also read as (other) Unicode syllables, so they are not evidence.
    expect(vni[0]?.words.map((w) => w.decoded)).toEqual(['Cộng', 'hòa', 'hội', 'chủ', 'Việt', 'đường', 'Trường']);
    const viqr = detect("Tie^'ng Vie^.t la` ngo^n ngu+~ cu?a ddu+o+`ng pho^'.");
    expect(viqr.map((f) => f.id)).toEqual(['encoding-viqr']);
    expect(viqr[0]?.words.map((w) => w.decoded)).toEqual(['Tiếng', 'Việt', 'là', 'ngôn', 'ngữ', 'của', 'đường', 'phố']);
  });

  it('stays silent on Unicode Vietnamese, English with accents and apostrophes, and Khmer', () => {
    for (const text of CLEAN) expect(detect(text), text).toEqual([]);
  });
});

describe('double-encoded UTF-8', () => {
  it('finds every garbled character of Vietnamese, Khmer and punctuation and repairs the words', () => {
    const text = `${VIETNAMESE} ទន្លេ “quoted” — …`;
    const garbled = asWindows1252(Buffer.from(text, 'utf8'));
    const found = findDoubleEncoded(garbled);
    expect(found.map((m) => m.meant).join('')).toBe([...text].filter((c) => c.charCodeAt(0) > 0x7f).join(''));
    expect(garbled.split(' ').map(repairWord).join(' ')).toBe(text);
  });

  it('stays silent on clean text', () => {
    for (const text of CLEAN) expect(findDoubleEncoded(text)).toEqual([]);
  });

  it('finds any Vietnamese word double-encoded (property)', () => {
    const letters = [...'aăâeêioôơuưyđàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 8 }), (chars) => {
        const word = `x${chars.join('')}`;
        const garbled = asWindows1252(Buffer.from(word, 'utf8'));
        return repairWord(garbled) === word && (findDoubleEncoded(garbled).length > 0 || [...word].filter((c) => c > '\u007f').length < 2);
      }),
    );
  });
});

describe('Khmer canonical order', () => {
  it('accepts well-formed Khmer', () => {
    for (const text of ['ព្រះរាជាណាចក្រកម្ពុជា', 'សម្តេចតេជោ ហ៊ុន សែន', 'ស៊ី ប៊ិច រ៉ូ ឱ្យ ឲ្យ ក្រោម', 'ស្ត្រី អ្នកនេសាទ។']) expect(khmerOrderProblems(text), text).toEqual([]);
  });

  it('names each impossible position with its index', () => {
    const cases: [string, number, RegExp][] = [
      ['ក\u17d2 ', 1, /coeng .* followed by a space/],
      ['កា\u17d2រ', 2, /subscript .* after U\+17B6/],
      ['ក\u17c1\u17b6', 2, /two vowel signs in a row/],
      [' \u17b6', 1, /vowel sign U\+17B6 .* after a space/],
      ['កា\u17c9', 2, /register shifter U\+17C9 .* after the vowel sign/],
      ['\u17c6ក', 0, /sign U\+17C6 .* after the start of the line/],
    ];
    for (const [text, index, problem] of cases) {
      const found = khmerOrderProblems(text);
      expect(found.map((p) => p.index), text).toEqual([index]);
      expect(found[0]?.problem).toMatch(problem);
    }
  });
});

describe('fingerprints', () => {
  it('ignore re-wrapping and Unicode normalisation, and change with the words and the split into blocks', () => {
    const base = fingerprint(['## Hai {#two}', 'Việt Nam is a country.']);
    expect(base).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint(['## Hai  {#two}', 'Vie\u0323\u0302t Nam is\n a   country. '])).toBe(base);
    expect(fingerprint(['## Hai {#two}', 'Việt Nam is a nation.'])).not.toBe(base);
    expect(fingerprint(['## Hai {#two} Việt Nam is a country.'])).not.toBe(base);
  });
});
