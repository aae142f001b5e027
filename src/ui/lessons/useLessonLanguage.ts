// The lesson texts come in both first-class languages; pick the one on show.
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../lessons/types';

export function useLocal(): (text: LocalText) => string {
  const { i18n } = useTranslation();
  const lang: keyof LocalText = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return (text) => text[lang];
}
