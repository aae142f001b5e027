// The inspector for a partition: leader, epoch, replicas and ISR, log start / HW / LEO, each
// replica with its LEO, committed offsets per group, the records themselves and leader history.
import { useEffect, useState } from 'react';
import type { LogRecordView } from '../../../engine';
import { useSim, useSimClient } from '../../../app/SimulatorProvider';
import { parsePartitionKey } from '../../../worker/protocol';
import { useFastRefresh, useT } from '../../hooks';
import { replicaRole } from '../../scene/brokers';
import { BrokerList, ConfigTable, Props, Ref } from '../parts';
import { time } from './time';
import { PartitionSegments } from './PartitionSegments';
import { liveLeader } from '../../../app/brokenStates';

export function PartitionDetails({ partitionKey }: { partitionKey: string }) {
  const t = useT();
  const p = useSim((s) => s.partitions[partitionKey]);
  const topic = useSim((s) => (p ? s.topics[p.topic] : undefined));
  const leader = useSim((s) => (p ? liveLeader(p, (b) => s.brokers[b]?.status) : null));
  const buffer = useFastRefresh(300);
  if (!p) return null;
  const fast = buffer.partitions.get(partitionKey);
  return (
    <>
      <h2>{t('inspector.partitionTitle', { partition: partitionKey })}</h2>
      <Props
        rows={[
          [
            t('inspector.leader'),
            leader === null ? (
              t('inspector.noLeader')
            ) : (
              <Ref to={{ kind: 'broker', id: leader }}>{t('broker.title', { id: leader })}</Ref>
            ),
          ],
          [t('inspector.leaderEpoch'), p.leaderEpoch],
          [
            t('inspector.replicas'),
            <>
              <BrokerList ids={p.replicas} />{' '}
              <span className="muted">
                ({t('inspector.preferredLeader', { broker: p.replicas[0] })})
              </span>
            </>,
          ],
          [t('inspector.isr'), <BrokerList ids={p.isr} />],
          [t('inspector.logStartOffset'), fast?.logStartOffset ?? '—'],
          [t('inspector.highWatermark'), fast?.highWatermark ?? '—'],
          [t('inspector.logEndOffset'), fast?.logEndOffset ?? '—'],
        ]}
      />
      <section className="inspector-section">
        <h3>{t('inspector.replicaTable')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.broker')}</th>
              <th scope="col">{t('inspector.role')}</th>
              <th scope="col">{t('inspector.inIsr')}</th>
              <th scope="col">LEO</th>
              <th scope="col">HW</th>
            </tr>
          </thead>
          <tbody>
            {p.replicaStates.map((r) => {
              const rf = fast?.replicas.find((x) => x.brokerId === r.brokerId);
              const role = replicaRole(p, r.brokerId);
              return (
                <tr key={r.brokerId}>
                  <th scope="row">
                    <Ref to={{ kind: 'broker', id: r.brokerId }}>{r.brokerId}</Ref>
                  </th>
                  <td>
                    {role === 'leader'
                      ? t('scene.legendLeader')
                      : role === 'follower'
                        ? t('scene.legendFollower')
                        : role === 'out-of-isr'
                          ? t('scene.legendOutOfIsr')
                          : t('scene.legendOffline')}
                  </td>
                  <td>{r.inIsr ? t('inspector.yes') : t('inspector.no')}</td>
                  <td>{rf?.logEndOffset ?? '—'}</td>
                  <td>{rf?.highWatermark ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {fast && fast.groups.length > 0 && (
        <section className="inspector-section">
          <h3>{t('inspector.committedByGroup')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('inspector.group')}</th>
                <th scope="col">{t('inspector.committed')}</th>
                <th scope="col">{t('inspector.lag')}</th>
              </tr>
            </thead>
            <tbody>
              {fast.groups.map((g) => (
                <tr key={g.groupId}>
                  <th scope="row">
                    <Ref to={{ kind: 'group', id: g.groupId }}>{g.groupId}</Ref>
                  </th>
                  <td>{g.committed ?? '—'}</td>
                  <td>{g.lag ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <PartitionSegments partitionKey={partitionKey} />
      <PartitionLog partitionKey={partitionKey} replicas={p.replicas} leader={p.leader} />
      <section className="inspector-section">
        <h3>{t('inspector.leaderHistory')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.time')}</th>
              <th scope="col">{t('inspector.leader')}</th>
              <th scope="col">{t('inspector.epoch')}</th>
            </tr>
          </thead>
          <tbody>
            {[...p.leaderHistory].reverse().map((h) => (
              <tr key={`${h.t}-${h.leaderEpoch}`}>
                <td>{time(h.t)}</td>
                <td>
                  {h.leader < 0 ? t('inspector.noLeader') : h.leader}
                  {h.unclean && <span className="tag bad">{t('inspector.unclean')}</span>}
                </td>
                <td>{h.leaderEpoch}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {topic && <ConfigTable entries={topic.config} />}
    </>
  );
}

function PartitionLog({
  partitionKey,
  replicas,
  leader,
}: {
  partitionKey: string;
  replicas: number[];
  leader: number;
}) {
  const t = useT();
  const client = useSimClient();
  const [brokerId, setBrokerId] = useState<number | null>(null);
  const [records, setRecords] = useState<LogRecordView[]>([]);
  const buffer = useFastRefresh(800);
  const version = buffer.fastVersion;
  useEffect(() => {
    const parsed = parsePartitionKey(partitionKey);
    if (!parsed) return;
    let live = true;
    const fast = buffer.partitions.get(partitionKey);
    const end = fast?.logEndOffset ?? 0;
    void client
      .partitionLog(parsed.topic, parsed.partition, {
        brokerId: brokerId ?? undefined,
        fromOffset: Math.max(fast?.logStartOffset ?? 0, end - 25),
        limit: 25,
      })
      .then((r) => {
        if (live) setRecords(r);
      });
    return () => {
      live = false;
    };
  }, [client, partitionKey, brokerId, version, buffer]);
  return (
    <section className="inspector-section">
      <h3>{t('inspector.log')}</h3>
      <label className="inline-field">
        {t('inspector.logOf')}{' '}
        <select
          value={brokerId ?? ''}
          onChange={(e) => setBrokerId(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">
            {t('inspector.leader')} (
            {leader < 0 ? t('inspector.noLeader') : t('broker.title', { id: leader })})
          </option>
          {replicas.map((id) => (
            <option key={id} value={id}>
              {t('broker.title', { id })}
            </option>
          ))}
        </select>
      </label>
      {records.length === 0 ? (
        <p className="muted">{t('inspector.noRecords')}</p>
      ) : (
        <table className="table log-table">
          <thead>
            <tr>
              <th scope="col">{t('inspector.offset')}</th>
              <th scope="col">{t('inspector.key')}</th>
              <th scope="col">{t('inspector.value')}</th>
              <th scope="col">{t('inspector.epoch')}</th>
            </tr>
          </thead>
          <tbody>
            {[...records].reverse().map((r) => (
              <tr key={r.offset}>
                <td>{r.offset}</td>
                <td>{r.key ?? <span className="muted">{t('inspector.nullKey')}</span>}</td>
                <td className="value-cell">{r.value}</td>
                <td>{r.leaderEpoch}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
