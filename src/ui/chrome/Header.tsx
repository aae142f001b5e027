// The top bar: title, playback, language, and the About / shortcuts dialogs.
import { ACTIONS } from '../../app/actions';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { useAction, useT } from '../hooks';
import { useTranslation } from 'react-i18next';
import { ActionButton } from './ActionButton';
import { Playback } from './Playback';

export function Header() {
  const t = useT();
  const about = useAction(ACTIONS.about, undefined);
  const shortcuts = useAction(ACTIONS.shortcuts, undefined);
  return (
    <header className="app-header">
      <div className="brand">
        <svg width="30" height="30" viewBox="0 0 30 30" aria-hidden="true">
          <circle cx="15" cy="6" r="4" fill="#0E6E63" />
          <circle cx="6" cy="22" r="4" fill="#0E6E63" />
          <circle cx="24" cy="22" r="4" fill="#0E6E63" />
          <path d="M15 10 L6 18 M15 10 L24 18 M10 22 H20" stroke="#0E6E63" strokeWidth="2" />
        </svg>
        <h1>{t('app.title')}</h1>
      </div>
      <Playback />
      <div className="header-end">
        <LanguageSwitch />
        <ActionButton
          action={about}
          text={t('app.aboutShort')}
          className="quiet"
          title={about.label}
        />
        <ActionButton
          action={shortcuts}
          text={t('app.shortcutsShort')}
          className="quiet"
          title={shortcuts.label}
          keys="?"
        />
      </div>
    </header>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="language-label">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
