// "Metadata quorum lost" above the picture while fewer than a majority of the KRaft controllers
// are up and reachable: the data still flows, but nothing in the metadata can change.
import { useSim } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

export function QuorumLostNotice() {
  const t = useT();
  const quorum = useSim((s) => s.cluster?.metadata?.quorum ?? null);
  const voters = useSim((s) => s.cluster?.metadata?.nodes.length ?? 0);
  if (!quorum?.lost) return null;
  return (
    <div className="cluster-down" role="status">
      <strong className="cluster-down-title">
        <span aria-hidden="true">✕ </span>
        {t('quorum.lost')}
      </strong>
      {/* A line of its own: the detail wraps on a projector, and must not run under the title. */}
      <span className="cluster-down-detail">
        {t('quorum.lostDetail', { live: quorum.live, voters, needed: quorum.needed })}
      </span>
    </div>
  );
}
