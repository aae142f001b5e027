// "Metadata quorum lost" above the picture while fewer than a majority of the KRaft controllers
// are up and reachable, "ZooKeeper quorum lost" for a ZooKeeper ensemble: the data still flows,
// but nothing in the metadata can change.
import { useSim } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

export function QuorumLostNotice() {
  const t = useT();
  const quorum = useSim((s) => s.cluster?.metadata?.quorum ?? null);
  const members = useSim((s) => s.cluster?.metadata?.nodes.length ?? 0);
  const zookeeper = useSim((s) => s.cluster?.metadata?.mode === 'zookeeper');
  if (!quorum?.lost) return null;
  const counts = { live: quorum.live, needed: quorum.needed };
  return (
    <div className="cluster-down" role="status">
      <strong className="cluster-down-title">
        <span aria-hidden="true">✕ </span>
        {t(zookeeper ? 'zookeeper.lost' : 'quorum.lost')}
      </strong>
      {/* A line of its own: the detail wraps on a projector, and must not run under the title. */}
      <span className="cluster-down-detail">
        {zookeeper
          ? t('zookeeper.lostDetail', { ...counts, servers: members })
          : t('quorum.lostDetail', { ...counts, voters: members })}
      </span>
    </div>
  );
}
