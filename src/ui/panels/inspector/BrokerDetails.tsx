// The inspector for a broker: its state, the partitions it leads and follows, its config.
import type { ReactNode } from 'react';
import { useSim } from '../../../app/SimulatorProvider';
import { useT } from '../../hooks';
import { PartitionList, Props } from '../parts';
import { BrokerConfig } from './BrokerConfig';
import { RemoveBroker } from './RemoveBroker';

export function BrokerDetails({ id }: { id: number }) {
  const t = useT();
  const b = useSim((s) => s.brokers[id]);
  if (!b) return null;
  const status = [
    t(`broker.status.${b.status}`),
    b.isolated ? t('broker.isolated') : null,
    b.fenced ? t('broker.fenced') : null,
    b.isController ? t('broker.controller') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const rows: [string, ReactNode][] = [
    [t('inspector.status'), status],
    [t('inspector.rack'), b.rack ?? t('inspector.none')],
    [t('inspector.brokerEpoch'), b.brokerEpoch],
  ];
  // KRaft: how far the broker has read __cluster_metadata (it is unfenced once past its epoch).
  if (b.metadataOffset !== null)
    rows.push([t('inspector.metadataOffset'), `offset ${b.metadataOffset}`]);
  rows.push(
    [t('inspector.leaderOf'), <PartitionList keys={b.leaderOf} />],
    [t('inspector.followerOf'), <PartitionList keys={b.followerOf} />],
  );
  return (
    <>
      <h2>{t('inspector.brokerTitle', { id })}</h2>
      <Props rows={rows} />
      <BrokerConfig key={id} id={id} entries={b.config} />
      <RemoveBroker id={id} />
    </>
  );
}
