// A partition's segments (issue 10, retention made visible): the leader's newest segments with
// their base offset, records and bytes. Retention deletes whole segments from the start of the
// log, so the first row's base offset is the log start. The segments are not in the frames (they
// would cost every frame); while this section is open it asks the worker for the view about once
// a second.
import { useEffect, useState } from 'react';
import type { ReplicaView } from '../../../engine';
import { useSimClient } from '../../../app/SimulatorProvider';
import { useFastRefresh, useT } from '../../hooks';

/** Rows shown: the newest ones (the view holds at most 64). */
const SHOWN = 8;

type Segment = ReplicaView['segments'][number];

export function PartitionSegments({ partitionKey }: { partitionKey: string }) {
  const t = useT();
  const client = useSimClient();
  const version = useFastRefresh(1000).fastVersion;
  const [segments, setSegments] = useState<Segment[] | null>(null);
  useEffect(() => {
    let live = true;
    void client.view().then((v) => {
      if (!live) return;
      const p = v.topics
        .flatMap((topic) => topic.partitions)
        .find((x) => `${x.topic}-${x.partition}` === partitionKey);
      const replica =
        p?.replicaStates.find((r) => r.brokerId === p.leader && r.online) ??
        p?.replicaStates.find((r) => r.online);
      setSegments(replica ? replica.segments : null);
    });
    return () => {
      live = false;
    };
  }, [client, partitionKey, version]);
  if (!segments) return null;
  const shown = segments.slice(-SHOWN);
  return (
    <section className="inspector-section">
      <h3>{t('inspector.segments')}</h3>
      <p className="muted">{t('inspector.segmentsNote', { count: segments.length })}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('inspector.segmentBase')}</th>
            <th scope="col">{t('inspector.segmentRecords')}</th>
            <th scope="col">{t('inspector.segmentBytes')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.baseOffset}>
              <th scope="row">{s.baseOffset}</th>
              <td>{s.records}</td>
              <td>{s.bytes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
