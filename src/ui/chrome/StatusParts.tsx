// The page's status parts: the footer (engine version, seed, preset), the banner for worker
// failures and engine refusals, and the polite announcer for important events.
import { useEventLog, useSim, useSimStore } from '../../app/SimulatorProvider';
import { describeEvent } from '../../app/eventText';
import { engineErrorText, useT } from '../hooks';
import { ErrorList } from './ErrorList';
import type { EngineError } from '../../engine';
import { ScenarioPicker } from './ScenarioPicker';
import { MemoryUse } from './MemoryStatus';

export function Footer() {
  const t = useT();
  const version = useSim((s) => s.engineVersion);
  const seed = useSim((s) => s.cluster?.seed);
  const preset = useSim((s) => s.cluster?.preset);
  const remote = useSim((s) => s.remoteEngine);
  const playing = useSim((s) => s.playing);
  return (
    <footer className="app-footer">
      <span>
        {t('app.engine')} <span data-testid="engine-version">{version ?? '…'}</span>
      </span>
      {remote && (
        <span title={remote}>{t(playing ? 'app.remoteEngine' : 'app.remoteEnginePaused')}</span>
      )}
      {seed !== undefined && <span>{t('app.seed', { seed })}</span>}
      {preset && <span>{t('app.preset', { preset: t(`app.presetName.${preset}`) })}</span>}
      <MemoryUse />
      <ScenarioPicker />
    </footer>
  );
}

/** A runaway world, in the learner's language: where it stopped and after which command. */
function runawayText(error: EngineError, t: ReturnType<typeof useT>): string {
  const { limit = 0, at = 0, command = '' } = error.params ?? {};
  const params = { limit: Number(limit).toLocaleString(), at, command };
  return command === '' ? t('reliability.runawayAtLoad', params) : t('reliability.runaway', params);
}

export function Banner() {
  const t = useT();
  const status = useSim((s) => s.status);
  const error = useSim((s) => s.error);
  const engineError = useSim((s) => s.engineError);
  const refusal = useSim((s) => s.refusal);
  const loadFailure = useSim((s) => s.loadFailure);
  const store = useSimStore();
  const trouble = useSim((s) => s.workerTrouble);
  // A stuck or crashed worker has its own banner, with the way back (ReliabilityBanners).
  if (trouble) return null;
  if (status === 'error' && error) {
    return (
      <div className="banner bad" role="alert">
        {error.startsWith('Protocol mismatch')
          ? t('app.protocolMismatch')
          : t('app.workerFailed', { message: error })}
      </div>
    );
  }
  if (error) {
    return (
      <div className="banner bad" role="alert">
        {engineError?.code === 'EVENT_BUDGET_EXCEEDED'
          ? runawayText(engineError, t)
          : t('app.engineStopped', { message: error })}
        <button
          type="button"
          className="button quiet"
          onClick={() => store.setState({ error: null, engineError: null })}
        >
          {t('app.dismiss')}
        </button>
      </div>
    );
  }
  if (loadFailure) {
    return (
      <div className="banner bad load-failure" role="alert" key={loadFailure.id}>
        <div>
          {t('app.linkFailed', { count: loadFailure.errors.length })}
          <ErrorList errors={loadFailure.errors} />
        </div>
        <button
          type="button"
          className="button quiet"
          onClick={() => store.setState({ loadFailure: null })}
        >
          {t('app.dismiss')}
        </button>
      </div>
    );
  }
  if (refusal) {
    return (
      <div className="banner warn" role="alert" key={refusal.id}>
        {t('dialog.engineSaid', { message: engineErrorText(refusal.error, t) })}
        <button
          type="button"
          className="button quiet"
          onClick={() => store.setState({ refusal: null })}
        >
          {t('app.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}

/** Important events, spoken politely by screen readers (at most one every 1.5 s). */
export function Announcer() {
  const t = useT();
  const announcement = useEventLog((s) => s.announcement);
  const text = announcement
    ? describeEvent(announcement.event, t) +
      (announcement.more > 0 ? ` ${t('eventLog.andMore', { count: announcement.more })}` : '')
    : '';
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
