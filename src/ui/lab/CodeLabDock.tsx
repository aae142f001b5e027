// Where the code lab opens: a band under the scene, so the picture stays in view while the
// learner's KafkaJS program runs. The panel, the editor and KafkaJS load on demand.
import { lazy, Suspense } from 'react';
import { useSim, useSimStore } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

const CodeLabPanel = lazy(() => import('./CodeLabPanel'));

export function CodeLabDock() {
  const t = useT();
  const open = useSim((s) => s.labOpen);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="muted charts-loading">{t('lab.loading')}</p>}>
      <CodeLabPanel />
    </Suspense>
  );
}

/** The `Code lab` button (in the timeline bar): opens and closes the panel. */
export function CodeLabButton() {
  const t = useT();
  const store = useSimStore();
  const open = useSim((s) => s.labOpen);
  return (
    <button
      type="button"
      className={open ? 'button quiet charts-toggle on' : 'button quiet charts-toggle'}
      aria-expanded={open}
      aria-controls={open ? 'code-lab' : undefined}
      title={t('lab.buttonHint')}
      onClick={() => store.setState({ labOpen: !open })}
    >
      {'{ }'} {t('lab.button')}
    </button>
  );
}
