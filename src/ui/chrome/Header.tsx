// The top bar: title, playback, Presenter mode, language, and the About / shortcuts dialogs. In
// presenter mode (large type) the title folds to the logo, About and Shortcuts to symbols, and
// the build-and-break toolbar behind a button, so the bar stays one line at 1280 px.
import { ACTIONS } from '../../app/actions';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/app';
import { useAction, useT } from '../hooks';
import { useTranslation } from 'react-i18next';
import { ActionButton } from './ActionButton';
import { LessonsButton } from '../lessons/LessonsButton';
import { Playback } from './Playback';

export function Header() {
  const t = useT();
  const about = useAction(ACTIONS.about, undefined);
  const shortcuts = useAction(ACTIONS.shortcuts, undefined);
  const presenterMode = useAction(ACTIONS.togglePresenter, undefined);
  const presenter = useSim((s) => s.presenter);
  const toolbarOpen = useSim((s) => s.toolbarOpen);
  const store = useSimStore();
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
        <LessonsButton />
        {presenter && (
          <button
            type="button"
            className="button"
            aria-expanded={toolbarOpen}
            aria-label={t('toolbar.group')}
            aria-controls="toolbar"
            onClick={() => store.setState({ toolbarOpen: !toolbarOpen })}
          >
            <span aria-hidden="true">{toolbarOpen ? '▾' : '▸'}</span> {t('toolbar.groupShort')}
          </button>
        )}
        <button
          type="button"
          className={presenter ? 'button presenter-toggle on' : 'button presenter-toggle'}
          aria-pressed={presenter}
          onClick={() => {
            presenterMode.perform();
            // The choice is remembered now: an address's ?presenter= must not undo it on reload.
            const url = new URL(location.href);
            if (url.searchParams.has('presenter')) {
              url.searchParams.delete('presenter');
              history.replaceState(history.state, '', url);
            }
          }}
        >
          <span aria-hidden="true" className="icon">
            ▣
          </span>
          <span className="presenter-label">{presenterMode.label}</span>
        </button>
        <LanguageSwitch />
        {/* Symbols where the bar is short of room (presenter mode's large type, narrow windows). */}
        <ActionButton
          action={about}
          text={presenter ? 'ⓘ' : t('app.aboutShort')}
          short={presenter ? undefined : 'ⓘ'}
          className="quiet"
          title={about.label}
        />
        <ActionButton
          action={shortcuts}
          text={presenter ? '⌨' : t('app.shortcutsShort')}
          short={presenter ? undefined : '⌨'}
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
      <select value={i18n.language} onChange={(e) => void setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
