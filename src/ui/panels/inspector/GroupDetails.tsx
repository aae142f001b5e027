// The inspector for a consumer group: state, generation, assignor and protocol, coordinator,
// members, and committed offsets with lag per partition.
import type { ReactNode } from 'react';
import type { FrameBuffer } from '../../../app/frameBuffer';
import { hasDeparted } from '../../../app/departures';
import { coordinatorUnavailable } from '../../../app/brokenStates';
import { useSim } from '../../../app/SimulatorProvider';
import { parsePartitionKey, partitionKey } from '../../../worker/protocol';
import { GROUP_ACTIONS } from '../../../app/actions';
import { useAction, useFastRefresh, useT } from '../../hooks';
import { ConfigTable, InspectorAction, Props, Ref } from '../parts';

export function GroupDetails({ id }: { id: string }) {
  const t = useT();
  const g = useSim((s) => s.groups[id]);
  // The view keeps a dead coordinator's last state; say it is unavailable instead (brokenStates).
  const orphaned = useSim((s) =>
    g ? coordinatorUnavailable(g, (b) => s.brokers[b]?.status) : false,
  );
  // Consumers that left the group (closed, or crashed and timed out): the scene lets them fade
  // out after a while; here they stay, each a link to its details and its Restart button.
  const departed = useSim((s) =>
    s.consumerIds.filter((c) => s.consumers[c]?.groupId === id && hasDeparted(s, c)).join('\u0000'),
  );
  const buffer = useFastRefresh(300);
  if (!g) return null;
  const gone = departed.split('\u0000');
  const members = g.consumerIds.filter((c) => !gone.includes(c));
  const offsets = groupOffsets(id, g.topics, buffer);
  return (
    <>
      <h2>{t('inspector.groupTitle', { id })}</h2>
      <Props
        rows={[
          [
            t('inspector.state'),
            orphaned ? t('broken.coordinatorUnavailable') : t(`group.state.${g.state}`),
          ],
          [t('inspector.generation'), g.generation],
          [t('inspector.assignor'), <code>{g.protocol}</code>],
          [t('inspector.rebalanceProtocol'), t(`group.${g.rebalanceProtocol}`)],
          [
            t('inspector.coordinator'),
            g.coordinator === null ? (
              t('group.noCoordinator')
            ) : (
              <Ref to={{ kind: 'broker', id: g.coordinator }}>
                {t('broker.title', { id: g.coordinator })}
              </Ref>
            ),
          ],
          [t('inspector.groupLeader'), g.leaderConsumerId ?? '—'],
          [
            t('inspector.members'),
            members.length ? (
              <span className="ref-list">
                {members.map((c, i) => (
                  <span key={c}>
                    {i > 0 && ', '}
                    <Ref to={{ kind: 'consumer', id: c }}>{c}</Ref>
                  </span>
                ))}
              </span>
            ) : (
              t('group.noConsumers')
            ),
          ],
          ...(departed
            ? [
                [
                  t('inspector.departed'),
                  <span className="ref-list">
                    {departed.split('\u0000').map((c, i) => (
                      <span key={c}>
                        {i > 0 && ', '}
                        <Ref to={{ kind: 'consumer', id: c }}>{c}</Ref>
                      </span>
                    ))}
                  </span>,
                ] satisfies [string, ReactNode],
              ]
            : []),
          [t('inspector.topics'), g.topics.join(', ')],
        ]}
      />
      {offsets.length > 0 && (
        <section className="inspector-section">
          <h3>{t('inspector.committedByGroup')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('inspector.partition')}</th>
                <th scope="col">{t('inspector.committed')}</th>
                <th scope="col">HW</th>
                <th scope="col">{t('inspector.lag')}</th>
              </tr>
            </thead>
            <tbody>
              {offsets.map((o) => (
                <tr key={partitionKey(o.topic, o.partition)}>
                  <th scope="row">
                    <Ref to={{ kind: 'partition', key: partitionKey(o.topic, o.partition) }}>
                      {o.topic}-{o.partition}
                    </Ref>
                  </th>
                  <td>{o.committed ?? '—'}</td>
                  <td>{o.highWatermark}</td>
                  <td>{o.lag ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <ResetOffsetsButton id={id} />
      <ConfigTable entries={g.config} target={{ scope: 'group', id }} />
    </>
  );
}

function ResetOffsetsButton({ id }: { id: string }) {
  return <InspectorAction action={useAction(GROUP_ACTIONS.resetOffsets, { groupId: id })} />;
}

/** A group's committed offsets and lag, from the fast data of the partitions it reads. */
function groupOffsets(groupId: string, topics: string[], buffer: FrameBuffer) {
  const rows: {
    topic: string;
    partition: number;
    committed: number | null;
    highWatermark: number;
    lag: number | null;
  }[] = [];
  for (const [key, fast] of buffer.partitions) {
    const parsed = parsePartitionKey(key);
    if (!parsed || !topics.includes(parsed.topic)) continue;
    const g = fast.groups.find((x) => x.groupId === groupId);
    rows.push({
      ...parsed,
      committed: g?.committed ?? null,
      highWatermark: fast.highWatermark,
      lag: g?.lag ?? null,
    });
  }
  return rows.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
