// The inspector for a consumer: group, status, member id, assignment, position and lag per
// partition, and (where the scene draws it without buttons) its actions.
import { CONSUMER_ACTIONS } from '../../../app/actions';
import { useSim } from '../../../app/SimulatorProvider';
import { useAction, useFastRefresh, useT } from '../../hooks';
import { consumerHasRow } from '../../scene/model';
import { ConfigTable, InspectorAction, PartitionList, Props, Ref } from '../parts';
import { externalRows } from './ExternalClient';

export function ConsumerDetails({ id }: { id: string }) {
  const t = useT();
  const c = useSim((s) => s.consumers[id]);
  // Where the scene gives it no row of its own (a chip, another topic on show), its buttons are here.
  const compact = useSim((s) => !consumerHasRow(s, id));
  const buffer = useFastRefresh(300);
  if (!c) return null;
  const fast = buffer.consumers.get(id);
  // A real client's member: what the brokers know of it, and no actions (its program decides).
  const external = c.external;
  return (
    <>
      <h2>
        {external ? t('external.consumerGroup', { id }) : t('inspector.consumerTitle', { id })}
      </h2>
      {external && <p className="muted">{t('external.inspectorNote')}</p>}
      {compact && !external && <CompactConsumerActions id={id} />}
      {!external && <SeekButton id={id} />}
      <Props
        rows={[
          ...(external
            ? [
                ...externalRows(t, external),
                [t('external.subscribed'), external.topics.join(', ')] as [string, string],
              ]
            : []),
          [t('inspector.group'), <Ref to={{ kind: 'group', id: c.groupId }}>{c.groupId}</Ref>],
          [t('inspector.status'), t(`consumer.status.${c.status}`)],
          [t('inspector.memberId'), c.memberId ? <code>{c.memberId}</code> : '—'],
          [t('inspector.generation'), c.generation],
          [
            t('inspector.assignment'),
            c.assignment.length ? (
              <PartitionList keys={c.assignment} />
            ) : (
              t('inspector.noAssignment')
            ),
          ],
          [t('inspector.consumed'), fast?.consumed ?? '—'],
          ...(external
            ? []
            : [[t('inspector.processing'), `${c.processingMsPerRecord} ms`] as [string, string]]),
        ]}
      />
      {external && <p className="muted">{t('external.positionNote')}</p>}
      {fast && Object.keys(fast.positions).length > 0 && (
        <section className="inspector-section">
          <h3>{t('inspector.position')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('inspector.partition')}</th>
                <th scope="col">{t('inspector.position')}</th>
                <th scope="col">{t('inspector.positionLag')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(fast.positions).map(([key, position]) => (
                <tr key={key}>
                  <th scope="row">
                    <Ref to={{ kind: 'partition', key }}>{key}</Ref>
                  </th>
                  <td>{position}</td>
                  <td>{fast.lag[key] ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {!external && <ConfigTable entries={c.config} target={{ scope: 'consumer', id }} />}
    </>
  );
}

/** Seek (KafkaConsumer.seek) is an application call, not a scene button: it lives here. */
function SeekButton({ id }: { id: string }) {
  return <InspectorAction action={useAction(CONSUMER_ACTIONS.seek, { consumerId: id })} />;
}

/** In the compact scene consumers are chips without buttons: their actions live here. */
function CompactConsumerActions({ id }: { id: string }) {
  const kill = useAction(CONSUMER_ACTIONS.kill, { consumerId: id });
  const leave = useAction(CONSUMER_ACTIONS.leave, { consumerId: id });
  const restart = useAction(CONSUMER_ACTIONS.restart, { consumerId: id });
  return (
    <div className="inspector-actions">
      {[kill, leave, restart].map((a) => (
        <button
          key={a.label}
          type="button"
          className="button"
          onClick={a.perform}
          disabled={!a.enabled}
        >
          {a.label}
        </button>
      ))}
    </div>
  );
}
