// The inspector's words for a real client (issue 14): what it is, its open connections, and the
// facts the brokers have about it. It has no actions: its own program decides what it does.
import type { ReactNode } from 'react';
import type { ExternalClientInfo } from '../../../engine';
import type { Translate } from '../../../i18n';
import { useSim } from '../../../app/SimulatorProvider';
import { useFastRefresh, useT } from '../../hooks';
import { KafkaErrorName, Props, Ref } from '../parts';

/** Client id and open connections, as rows for a Props list. */
export function externalRows(t: Translate, external: ExternalClientInfo): [string, ReactNode][] {
  return [
    [t('external.clientId'), <code key="id">{external.clientId}</code>],
    [
      t('external.connections'),
      external.connections.length === 0
        ? t('external.none')
        : external.connections.map((c) => (
            <div key={c.conn}>
              <Ref to={{ kind: 'broker', id: c.brokerId }}>
                {t('external.connection', { conn: c.conn, broker: c.brokerId })}
              </Ref>
            </div>
          )),
    ],
  ];
}

export function ExternalProducerDetails({ id }: { id: string }) {
  const t = useT();
  const p = useSim((s) => s.producers[id]);
  const buffer = useFastRefresh(300);
  if (!p?.external) return null;
  const stats = buffer.producers.get(id);
  const { topics, acks } = p.external;
  return (
    <>
      <h2>{t('external.producerGroup', { clientId: p.external.clientId })}</h2>
      <p className="muted">{t('external.inspectorNote')}</p>
      <Props
        rows={[
          ...externalRows(t, p.external),
          [
            t('external.topics'),
            topics.map((topic) => (
              <div key={topic}>
                <Ref to={{ kind: 'topic', name: topic }}>{topic}</Ref>
              </div>
            )),
          ],
          [t('external.acks'), acks === null ? '—' : acks === -1 ? 'all (-1)' : acks],
          [t('inspector.producerId'), p.producerIdNumber < 0 ? '—' : p.producerIdNumber],
          [t('inspector.sent'), stats?.sent ?? '—'],
          [t('inspector.acked'), stats?.acked ?? '—'],
          [t('inspector.failed'), stats?.failed ?? '—'],
          [t('inspector.inFlight'), stats?.inFlight ?? '—'],
          [t('inspector.lastError'), <KafkaErrorName error={p.lastError} />],
        ]}
      />
      <p className="muted">{t('external.statsHelp')}</p>
    </>
  );
}
