/** The words an EPUB adds around the book (landmarks, the cover's alt text), per language. */
interface EpubPhrases {
  landmarks: string;
  cover: string;
  contents: string;
  bodymatter: string;
  pages: string;
  coverAlt: (title: string, subtitle: string | undefined) => string;
}

const EPUB_PHRASES: Record<string, EpubPhrases> = {
  en: {
    landmarks: 'Landmarks',
    cover: 'Cover',
    contents: 'Contents',
    bodymatter: 'Start of the text',
    pages: 'Pages of the print edition',
    coverAlt: (title, subtitle) => `Cover: ${title}${subtitle ? `. ${subtitle}` : ''}`,
  },
  vi: {
    landmarks: 'Các mốc điều hướng',
    cover: 'Bìa',
    contents: 'Mục lục',
    bodymatter: 'Phần chính',
    pages: 'Số trang của bản in',
    coverAlt: (title, subtitle) => `Bìa sách: ${title}${subtitle ? `. ${subtitle}` : ''}`,
  },
  km: {
    landmarks: 'ចំណុចសំខាន់ៗ',
    cover: 'ក្របសៀវភៅ',
    contents: 'មាតិកា',
    bodymatter: 'ដើមអត្ថបទ',
    pages: 'ទំព័រនៃសៀវភៅបោះពុម្ព',
    coverAlt: (title, subtitle) => `ក្របសៀវភៅ៖ ${title}${subtitle ? ` ${subtitle}` : ''}`,
  },
};

export function epubPhrases(lang: string): EpubPhrases {
  return EPUB_PHRASES[lang] ?? (EPUB_PHRASES.en as EpubPhrases);
}
