// The catalogues and an i18next set-up for Node (the CLI, tests), with both languages at hand.
// The browser app's own set-up, which loads the Chinese catalogue only when it is wanted, is
// ./app.ts; what both share is ./shared.ts.
import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { i18nOptions, type Language } from './shared';
import { zhCN } from './zh-CN';

export { detectLanguage, type Language, type Translate } from './shared';

export const CATALOGUES = { en, 'zh-CN': zhCN } as const;

/** A separate i18next instance (tests, tools): no React binding, no global state. */
export function createI18n(lng: Language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(lng, CATALOGUES));
  return instance;
}
