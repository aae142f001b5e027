// The inspector for a KRaft controller node: its Raft state (role, epoch, vote) and its copy of
// the `__cluster_metadata` log, with the newest records in Kafka's own record names, so a
// learner sees what "the metadata" actually is: broker registrations, partition changes, NoOps.
import type { MetadataView } from '../../../engine';
import { useSim } from '../../../app/SimulatorProvider';
import { kraftOf } from '../../../app/metadataMode';
import { ACTIONS } from '../../../app/actions';
import { useAction, useT } from '../../hooks';
import { InspectorAction, Props } from '../parts';

type Entry = MetadataView['nodes'][number]['recent'][number];

export function ControllerDetails({ id }: { id: number }) {
  const t = useT();
  const node = useSim((s) => kraftOf(s.cluster?.metadata)?.nodes.find((n) => n.id === id));
  const active = useSim((s) => kraftOf(s.cluster?.metadata)?.activeController === id);
  const combined = useSim((s) => kraftOf(s.cluster?.metadata)?.placement === 'combined');
  if (!node) return null;
  const status = [
    node.alive ? t(`quorum.role.${node.role}`) : t('quorum.role.stopped'),
    node.isolated ? t('quorum.isolated') : null,
    active ? t('quorum.activeController') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <h2>{t('quorum.title', { id })}</h2>
      <Props
        rows={[
          [t('inspector.status'), status],
          [t('quorum.placement'), t(combined ? 'quorum.combined' : 'quorum.dedicated', { id })],
          [t('quorum.epochLabel'), node.epoch],
          [t('quorum.votedFor'), node.votedFor ?? t('inspector.none')],
          ['LEO', node.logEndOffset],
          ['HW', node.highWatermark],
          [t('quorum.snapshot'), node.logStartOffset],
        ]}
      />
      {/* KIP-853: a new controller joins this quorum (dedicated controllers only). */}
      {!combined && <AddController />}
      <h3>{t('quorum.recentRecords')}</h3>
      <ol className="metadata-records" aria-label={t('quorum.recentRecords')}>
        {node.recent.map((e) => (
          <li key={`${e.offset}-${e.epoch}`}>
            <span className="muted">
              {e.offset} · e{e.epoch}
            </span>{' '}
            <code>{recordText(e)}</code>
          </li>
        ))}
      </ol>
    </>
  );
}

function AddController() {
  return <InspectorAction action={useAction(ACTIONS.addController, undefined)} />;
}

/** A record as Kafka names it and its fields: "PartitionChangeRecord orders-2 Leader=1 Isr=[1,3]". */
function recordText(e: Entry): string {
  const { type, ...fields } = e.record as { type: string } & Record<string, unknown>;
  const parts: string[] = [type];
  const f = { ...fields };
  if (typeof f.topic === 'string' && typeof f.partition === 'number') {
    parts.push(`${f.topic}-${f.partition}`);
    delete f.topic;
    delete f.partition;
  }
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined) continue;
    const name = key[0].toUpperCase() + key.slice(1);
    parts.push(`${name}=${Array.isArray(value) ? `[${value.join(',')}]` : String(value)}`);
  }
  return parts.join(' ');
}
