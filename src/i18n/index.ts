// i18next set-up shared by the app and the UI. Both catalogues are bundled (they are small), so
// switching language is instant and works offline. The choice is remembered in localStorage.
import i18next, { type i18n, type TFunction } from 'i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
];
export const CATALOGUES = { en, 'zh-CN': zhCN } as const;
const STORAGE_KEY = 'kafka-sim.language';

export type Translate = TFunction;

function options(lng: Language) {
  return {
    lng,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  };
}

/** A separate i18next instance (tests, tools): no React binding, no global state. */
export function createI18n(lng: Language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init(options(lng));
  return instance;
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

/** The app's global instance, bound to React by the UI (initReactI18next). */
export const appI18n: i18n = i18next;

export function initAppI18n(plugins: Parameters<i18n['use']>[0][] = []): i18n {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, sandboxed frames): fall back to the browser language.
  }
  const lng = detectLanguage(location.search, stored, navigator.languages ?? []);
  for (const plugin of plugins) appI18n.use(plugin);
  void appI18n.init(options(lng));
  document.documentElement.lang = lng;
  return appI18n;
}

export function setLanguage(lng: Language): void {
  void appI18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but still switched.
  }
}
