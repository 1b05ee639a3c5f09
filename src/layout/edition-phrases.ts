import { phrases } from './i18n.js';

/**
 * What the book says about its own edition and its sources, per language. Each language builds its
 * sentences with its own grammar and its own names of the languages (i18n.ts): never an English name
 * inside a Khmer or Vietnamese sentence.
 */
interface EditionPhrases {
  /** "English, Vietnamese and Khmer". */
  list: (items: readonly string[]) => string;
  /** "A bilingual edition in English and Vietnamese"; "English edition" for one language. */
  editionStatement: (languages: readonly string[]) => string;
  /** "Languages of this edition: …". */
  editionLanguages: (languages: readonly string[]) => string;
  /** "Typefaces embedded in this edition: …". */
  editionFonts: (faces: string) => string;
  /** The byline of an article whose source names no author. */
  authorNotCredited: string;
  /** "Translated into English by Tran Hoai" (the source's own translation, not the book's). */
  sourceTranslatedBy: (name: string, into: string) => string;
  /** "Published in Khmer Times, 7 January 2020". */
  publishedIn: (publication: string | undefined, date: string | undefined) => string;
  /** Heading of the colophon's list of sources. */
  sources: string;
  /** What ends a sentence: `.`, or `។` in Khmer. */
  stop: string;
}

const en = (lang: string) => phrases('en').languageName(lang);
const vi = (lang: string) => phrases('vi').languageName(lang);
const km = (lang: string) => phrases('km').languageName(lang);
const COUNT_EN = ['', '', 'bilingual', 'trilingual', 'quadrilingual'];
const COUNT_VI = ['', '', 'song ngữ', 'ba thứ tiếng', 'bốn thứ tiếng'];
const COUNT_KM = ['', '', 'ពីរភាសា', 'បីភាសា', 'បួនភាសា'];

const PHRASES: Record<string, EditionPhrases> = {
  en: {
    list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`),
    editionStatement: (languages) => {
      const names = PHRASES.en?.list(languages.map(en)) ?? '';
      if (languages.length === 1) return `${names} edition`;
      const count = COUNT_EN[languages.length] ?? `${languages.length}-language`;
      return `A${/^[aeiou]/.test(count) ? 'n' : ''} ${count} edition in ${names}`;
    },
    editionLanguages: (languages) => `Languages of this edition: ${PHRASES.en?.list(languages.map(en)) ?? ''}.`,
    editionFonts: (faces) => `Typefaces embedded in this edition: ${faces}.`,
    authorNotCredited: 'Author not credited by the source',
    sourceTranslatedBy: (name, into) => `Translated into ${en(into)} by ${name}`,
    publishedIn: (publication, date) => (publication ? [`Published in ${publication}`, date].filter(Boolean).join(', ') : `Published: ${date ?? ''}`),
    sources: 'Sources',
    stop: '.',
  },
  vi: {
    list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1) ?? ''}`),
    editionStatement: (languages) => {
      const names = PHRASES.vi?.list(languages.map(vi)) ?? '';
      if (languages.length === 1) return `Ấn bản ${names}`;
      return `Ấn bản ${COUNT_VI[languages.length] ?? `${languages.length} thứ tiếng`}: ${names}`;
    },
    editionLanguages: (languages) => `Ngôn ngữ của ấn bản này: ${PHRASES.vi?.list(languages.map(vi)) ?? ''}.`,
    editionFonts: (faces) => `Phông chữ nhúng trong ấn bản này: ${faces}.`,
    authorNotCredited: 'Nguồn không ghi tên tác giả',
    sourceTranslatedBy: (name, into) => `${name} dịch sang ${vi(into)}`,
    publishedIn: (publication, date) => (publication ? [`Đăng trên ${publication}`, date].filter(Boolean).join(', ') : `Xuất bản: ${date ?? ''}`),
    sources: 'Nguồn',
    stop: '.',
  },
  km: {
    list: (items) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(' ')} និង${items.at(-1) ?? ''}`),
    editionStatement: (languages) => {
      const names = PHRASES.km?.list(languages.map(km)) ?? '';
      if (languages.length === 1) return `បោះពុម្ពជា${names}`;
      return `បោះពុម្ពជា${COUNT_KM[languages.length] ?? `${languages.length} ភាសា`}៖ ${names}`;
    },
    editionLanguages: (languages) => `ភាសានៃការបោះពុម្ពនេះ៖ ${PHRASES.km?.list(languages.map(km)) ?? ''}។`,
    editionFonts: (faces) => `ពុម្ពអក្សរដែលបង្កប់ក្នុងការបោះពុម្ពនេះ៖ ${faces}។`,
    authorNotCredited: 'ប្រភពមិនបានបញ្ជាក់ឈ្មោះអ្នកនិពន្ធ',
    sourceTranslatedBy: (name, into) => `បកប្រែជា${km(into)}ដោយ ${name}`,
    publishedIn: (publication, date) => (publication ? [`ចុះផ្សាយក្នុង ${publication}`, date].filter(Boolean).join(' ') : `ចុះផ្សាយ៖ ${date ?? ''}`),
    sources: 'ប្រភព',
    stop: '។',
  },
};

export function editionPhrases(lang: string): EditionPhrases {
  return PHRASES[lang] ?? (PHRASES.en as EditionPhrases);
}
