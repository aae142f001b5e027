// The inspector for a producer: topic, rate, keys, its idempotent id, what it has sent, acknowledged
// and lost, its last error in plain words, and its config.
import { useSim } from '../../../app/SimulatorProvider';
import { PRODUCER_ACTIONS } from '../../../app/actions';
import { useAction, useFastRefresh, useT } from '../../hooks';
import { ConfigTable, KafkaErrorName, Props, Ref } from '../parts';
import { PartitionerChoice } from './PartitionerChoice';
import { ExternalProducerDetails } from './ExternalClient';

export function ProducerDetails({ id }: { id: string }) {
  const t = useT();
  const p = useSim((s) => s.producers[id]);
  const buffer = useFastRefresh(300);
  if (!p) return null;
  if (p.external) return <ExternalProducerDetails id={id} />;
  const stats = buffer.producers.get(id);
  return (
    <>
      <h2>{t('inspector.producerTitle', { id })}</h2>
      <Props
        rows={[
          [t('inspector.topic'), <Ref to={{ kind: 'topic', name: p.topic }}>{p.topic}</Ref>],
          [t('inspector.rate'), t('inspector.ratePerSec', { rate: p.ratePerSec })],
          [t('inspector.keys'), p.keys === null ? t('inspector.nullKeys') : p.keys.join(', ')],
          [
            t('inspector.status'),
            p.crashed
              ? t('producer.crashed')
              : p.paused
                ? t('producer.paused')
                : p.isolated
                  ? t('producer.isolated')
                  : '—',
          ],
          [t('inspector.producerId'), p.producerIdNumber < 0 ? '—' : p.producerIdNumber],
          [
            t('inspector.knownLeaders'),
            p.knownLeaders.map((b, i) => `${p.topic}-${i} → ${b < 0 ? '?' : b}`).join(', ') || '—',
          ],
          [t('inspector.sent'), stats?.sent ?? '—'],
          [t('inspector.acked'), stats?.acked ?? '—'],
          [t('inspector.failed'), stats?.failed ?? '—'],
          [t('inspector.retried'), stats?.retried ?? '—'],
          [t('inspector.inFlight'), stats?.inFlight ?? '—'],
          [t('inspector.buffered'), stats?.buffered ?? '—'],
          [t('inspector.lastError'), <KafkaErrorName error={p.lastError} />],
        ]}
      />
      <ProducerLifecycle id={id} />
      <PartitionerChoice id={id} config={p.config} />
      <ConfigTable entries={p.config} target={{ scope: 'producer', id }} />
    </>
  );
}

/** Crash the producer's process (its buffer is lost, and counted) or start it again. */
function ProducerLifecycle({ id }: { id: string }) {
  const crash = useAction(PRODUCER_ACTIONS.crash, { producerId: id });
  const restart = useAction(PRODUCER_ACTIONS.restart, { producerId: id });
  return (
    <div className="inspector-actions">
      {[crash, restart].map((a) => (
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
