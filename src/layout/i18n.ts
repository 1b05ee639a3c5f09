/** The few words the toolchain itself prints into a book, per language (English is the fallback). */
interface Phrases {
  languageName: (lang: string) => string;
  untranslated: string;
  /** The status of one translation, or of several (`language` then names them all, joined). */
  translationStatus: (language: string, status: 'draft' | 'reviewed', count?: number) => string;
  buildDate: (date: string) => string;
  contents: string;
}

const LANGUAGE_NAMES: Record<string, Record<string, string>> = {
  en: { en: 'English', vi: 'Vietnamese', km: 'Khmer' },
  vi: { en: 'tiếng Anh', vi: 'tiếng Việt', km: 'tiếng Khmer' },
  km: { en: 'ភាសាអង់គ្លេស', vi: 'ភាសាវៀតណាម', km: 'ភាសាខ្មែរ' },
};

const PHRASES: Record<string, Phrases> = {
  en: {
    languageName: (lang) => LANGUAGE_NAMES.en?.[lang] ?? lang,
    untranslated: '[not yet translated]',
    translationStatus: (language, status, count = 1) =>
      count > 1
        ? status === 'reviewed'
          ? `The ${language} translations have been reviewed by native speakers.`
          : `The ${language} translations are drafts that have not yet been reviewed by native speakers.`
        : status === 'reviewed'
          ? `The ${language} translation has been reviewed by a native speaker.`
          : `The ${language} translation is a draft that has not yet been reviewed by a native speaker.`,
    buildDate: (date) => `Build date: ${date}.`,
    contents: 'Contents',
  },
  vi: {
    languageName: (lang) => LANGUAGE_NAMES.vi?.[lang] ?? lang,
    untranslated: '[chưa dịch]',
    translationStatus: (language, status) =>
      status === 'reviewed'
        ? `Bản dịch ${language} đã được người bản ngữ hiệu đính.`
        : `Bản dịch ${language} là bản nháp, chưa được người bản ngữ hiệu đính.`,
    buildDate: (date) => `Ngày tạo bản: ${date}.`,
    contents: 'Mục lục',
  },
  km: {
    languageName: (lang) => LANGUAGE_NAMES.km?.[lang] ?? lang,
    untranslated: '[មិនទាន់បកប្រែ]',
    translationStatus: (language, status) =>
      status === 'reviewed'
        ? `ការបកប្រែជា${language} ត្រូវបានពិនិត្យដោយអ្នកនិយាយភាសាកំណើតរួចហើយ។`
        : `ការបកប្រែជា${language} គឺជាសេចក្ដីព្រាង ដែលមិនទាន់ត្រូវបានពិនិត្យដោយអ្នកនិយាយភាសាកំណើតនៅឡើយទេ។`,
    buildDate: (date) => `កាលបរិច្ឆេទបង្កើត៖ ${date}។`,
    contents: 'មាតិកា',
  },
};

export function phrases(lang: string): Phrases {
  return PHRASES[lang] ?? (PHRASES.en as Phrases);
}

/** The build date: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise now. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

export function formatDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A `published` date as written (YYYY, YYYY-MM or YYYY-MM-DD), in the words of `lang`. */
export function formatPublished(published: string, lang: string): string {
  const [year, month, day] = published.split('-').map(Number);
  if (year === undefined || month === undefined) return published;
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = day === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}
