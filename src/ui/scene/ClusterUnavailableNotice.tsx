// "Cluster unavailable" above the picture when no broker is running (issue 10): HTML in the flow,
// beside nothing, so it never covers a label of the scene.
import { useSim } from '../../app/SimulatorProvider';
import { clusterUnavailable } from '../../app/brokenStates';
import { useT } from '../hooks';

export function ClusterUnavailableNotice() {
  const t = useT();
  const down = useSim((s) => clusterUnavailable(Object.values(s.brokers)));
  if (!down) return null;
  return (
    <div className="cluster-down" role="status">
      <strong className="cluster-down-title">
        <span aria-hidden="true">✕ </span>
        {t('broken.clusterUnavailable')}
      </strong>{' '}
      <span>{t('broken.clusterUnavailableDetail')}</span>
    </div>
  );
}
