// The browser app's i18next: English is bundled, the Chinese catalogue (about 23 KB gzip) is
// fetched when it is first wanted, before the first render if the page opens in Chinese and
// when the learner switches language. The choice is remembered in localStorage.
import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { detectLanguage, i18nOptions, type Language } from './shared';

export { LANGUAGES, type Language } from './shared';

const STORAGE_KEY = 'kafka-sim.language';

/** The app's global instance, bound to React by the UI (initReactI18next). */
export const appI18n: i18n = i18next;

async function ensureCatalogue(lng: Language): Promise<void> {
  if (lng !== 'zh-CN' || appI18n.hasResourceBundle('zh-CN', 'translation')) return;
  const { zhCN } = await import('./zh-CN');
  appI18n.addResourceBundle('zh-CN', 'translation', zhCN);
}

/** Set up i18next in the detected language; resolves once its catalogue is there. */
export async function initAppI18n(plugins: Parameters<i18n['use']>[0][] = []): Promise<i18n> {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, sandboxed frames): fall back to the browser language.
  }
  const lng = detectLanguage(location.search, stored, navigator.languages ?? []);
  for (const plugin of plugins) appI18n.use(plugin);
  await appI18n.init(i18nOptions('en', { en }));
  await ensureCatalogue(lng);
  await appI18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  return appI18n;
}

export async function setLanguage(lng: Language): Promise<void> {
  await ensureCatalogue(lng);
  await appI18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but still switched.
  }
}
