// What the Node set-up (./index.ts) and the browser's (./app.ts) share, without the catalogues:
// the languages, how the page picks one, and i18next's options.
import type { TFunction } from 'i18next';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
];

export type Translate = TFunction;

/** i18next's options with the catalogues at hand (the browser starts with English only). */
export function i18nOptions(lng: Language, resources: Partial<Record<Language, object>>) {
  return {
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    resources: Object.fromEntries(
      Object.entries(resources).map(([code, translation]) => [code, { translation }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  };
}

/** Pick the language: ?lang=… in the URL, then the remembered choice, then the browser's. */
export function detectLanguage(
  search: string,
  stored: string | null,
  browserLanguages: readonly string[],
): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  for (const candidate of [fromUrl, stored, ...browserLanguages]) {
    const lang = normalise(candidate);
    if (lang) return lang;
  }
  return 'en';
}

function normalise(code: string | null | undefined): Language | null {
  if (!code) return null;
  const lower = code.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}
