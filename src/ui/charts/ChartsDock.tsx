// Where the Charts panel opens: a band between the scene and the timeline, so that its time axis
// sits right above the timeline's. The panel (and d3) load on demand: not in the initial JS.
import { lazy, Suspense } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

const ChartsPanel = lazy(() => import('./ChartsPanel'));

export function ChartsDock() {
  const t = useT();
  const open = useSim((s) => s.chartsOpen);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="muted charts-loading">{t('charts.loading')}</p>}>
      <ChartsPanel />
    </Suspense>
  );
}

/** The `Charts` button (in the timeline bar): opens and closes the panel. */
export function ChartsButton() {
  const t = useT();
  const store = useSimStore();
  const open = useSim((s) => s.chartsOpen);
  return (
    <button
      type="button"
      className={open ? 'button quiet charts-toggle on' : 'button quiet charts-toggle'}
      aria-expanded={open}
      aria-controls={open ? 'charts-panel' : undefined}
      title={t('charts.buttonHint')}
      onClick={() => store.setState({ chartsOpen: !open })}
    >
      <svg width="16" height="14" viewBox="0 0 16 14" aria-hidden="true">
        <path d="M1 13 L5 7 L9 9 L15 1" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>{' '}
      {t('charts.button')}
    </button>
  );
}
