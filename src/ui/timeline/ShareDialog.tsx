// Share: a link to this moment (the session in the URL fragment: whoever opens it sees the same
// cluster at the same time, paused), an iframe snippet for embed mode, copy buttons; and the
// session as a scenario file, exported or imported (the file picker here, or a drop anywhere on
// the page), with every error the loader names.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { EngineError } from '../../engine';
import { appBase, embedCode, shareUrl } from '../../app/share';
import { useSimClient, useSimStore } from '../../app/SimulatorProvider';
import type { ExportedSession } from '../../worker/protocol';
import { Dialog } from '../dialogs/Dialog';
import { useT } from '../hooks';
import { ImportErrors } from './ImportErrors';
import { downloadScenario, loadScenarioFile, pickScenarioFile } from './scenarioFile';

export function ShareDialog({ errors, fileName }: { errors?: EngineError[]; fileName?: string }) {
  const t = useT();
  const client = useSimClient();
  const store = useSimStore();
  const [exported, setExported] = useState<ExportedSession | null>(null);
  const [copied, setCopied] = useState<string>('');
  const [problem, setProblem] = useState<{ errors: EngineError[]; fileName: string } | null>(
    errors ? { errors, fileName: fileName ?? '' } : null,
  );
  const linkRef = useRef<HTMLInputElement>(null);
  const embedRef = useRef<HTMLTextAreaElement>(null);
  const linkId = useId();
  const embedId = useId();

  // A file dropped on the page while the dialog is open brings its errors here.
  const [droppedErrors, setDroppedErrors] = useState(errors);
  if (errors !== droppedErrors) {
    setDroppedErrors(errors);
    if (errors) setProblem({ errors, fileName: fileName ?? '' });
  }

  useEffect(() => {
    let open = true;
    void client.exportSession().then((session) => {
      if (open) setExported(session);
    });
    return () => {
      open = false;
    };
  }, [client]);

  const base = appBase(location);
  const link = exported ? shareUrl(base, exported.fragment) : '';
  const embed = exported ? embedCode(base, exported.fragment, t('share.embedTitle')) : '';
  const seconds = ((exported?.scenario.playhead?.at ?? 0) / 1000).toFixed(1);

  const copy = async (text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t('share.copied'));
    } catch {
      // No clipboard access (an insecure page, a refusal): select the text for the person.
      field?.select();
      setCopied(t('share.copyFailed'));
    }
  };

  const exportFile = () => {
    if (!exported) return;
    downloadScenario(exported.scenario, `${t('share.fileName')}-${seconds}s.json`);
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = pickScenarioFile(e.target.files);
    e.target.value = '';
    if (!file) return;
    const failed = await loadScenarioFile(client, file);
    if (failed) setProblem({ errors: failed, fileName: file.name });
    else store.setState({ dialog: null });
  };

  return (
    <Dialog title={t('share.title')} wide>
      <div className="share-dialog">
        <p>{exported ? t('share.intro', { seconds }) : t('share.preparing')}</p>
        <div className="share-field">
          <label htmlFor={linkId}>{t('share.link')}</label>
          <div className="share-row">
            <input
              id={linkId}
              ref={linkRef}
              type="text"
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="button"
              disabled={!exported}
              onClick={() => void copy(link, linkRef.current)}
            >
              {t('share.copyLink')}
            </button>
          </div>
        </div>
        <div className="share-field">
          <label htmlFor={embedId}>{t('share.embed')}</label>
          <div className="share-row">
            <textarea
              id={embedId}
              ref={embedRef}
              readOnly
              value={embed}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="button"
              disabled={!exported}
              onClick={() => void copy(embed, embedRef.current)}
            >
              {t('share.copyEmbed')}
            </button>
          </div>
          <span className="muted">{t('share.embedHint')}</span>
        </div>
        <p className="muted" role="status">
          {copied}
        </p>
        <h3>{t('share.fileTitle')}</h3>
        <p>{t('share.fileIntro')}</p>
        <div className="share-file-buttons">
          <button type="button" className="button" disabled={!exported} onClick={exportFile}>
            <span aria-hidden="true" className="icon">
              ⤓
            </span>
            {t('share.export')}
          </button>
          <label className="button file-button">
            <span aria-hidden="true" className="icon">
              ⤒
            </span>
            {t('share.import')}
            <input
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              onChange={(e) => void importFile(e)}
            />
          </label>
        </div>
        <p className="muted">{t('share.dropHint')}</p>
        {problem && <ImportErrors errors={problem.errors} fileName={problem.fileName} />}
      </div>
    </Dialog>
  );
}
