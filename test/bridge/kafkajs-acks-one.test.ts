// Issue 14's third acceptance line: a KafkaJS producer with acks 1 is told its messages are
// written as soon as the leader has them; the leader dies before the followers fetched the
// newest (they were cut off for a moment), a follower becomes leader without them, and the old
// leader, back, truncates them away. The engine's events name exactly the acknowledged messages
// that were lost.
import type { RecordMetadata } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { scenario } from '../engine/helpers';
import { PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

describe('a KafkaJS producer with acks 1 when the leader dies', () => {
  it('loses acknowledged messages, and log.truncated names each of them', async () => {
    cluster = new PacedCluster(
      scenario({
        seed: 44,
        preset: 'kafka-defaults',
        network: { latencyMs: 20, jitterMs: 0 },
        cluster: {
          brokers: 3,
          config: { 'broker.heartbeat.interval.ms': 300, 'broker.session.timeout.ms': 1500 },
        },
      }),
    );
    const kafka = cluster.kafka('tracker', {
      retries: 20,
      initialRetryTime: 100,
      maxRetryTime: 1000,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'clicks', numPartitions: 1, replicationFactor: 3 }],
    });
    const leader = cluster.engine.view().topics.find((t) => t.name === 'clicks')!.partitions[0]
      .leader;

    // A stream of clicks, one send every 10 ms, each acknowledged by the leader alone. For half
    // a second the followers are cut off (shorter than the broker session, so they stay in the
    // ISR): what the leader takes then, only it has. Then it dies.
    const followers = [1, 2, 3].filter((id) => id !== leader);
    const producer = kafka.producer();
    await producer.connect();
    const acked = new Map<string, number>();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 90; i++) {
      const key = `click-${i}`;
      sends.push(
        producer
          .send({ topic: 'clicks', acks: 1, messages: [{ key, value: `page ${i}` }] })
          .then((r: RecordMetadata[]) => void acked.set(key, Number(r[0].baseOffset)))
          .catch(() => {}),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (i === 30)
        for (const id of followers)
          cluster.engine.dispatch({ type: 'isolateBroker', brokerId: id });
      if (i === 80) {
        cluster.engine.dispatch({ type: 'killBroker', brokerId: leader });
        for (const id of followers) cluster.engine.dispatch({ type: 'healBroker', brokerId: id });
      }
    }
    await Promise.all(sends);
    // A follower leads now; then the old leader comes back and follows it.
    await cluster.waitFor('a new leader', () =>
      cluster!.events.some(
        (e) => e.type === 'partition.leader-elected' && e.topic === 'clicks' && e.leader !== leader,
      ),
    );
    expect(cluster.engine.dispatch({ type: 'restartBroker', brokerId: leader }).ok).toBe(true);
    await cluster.waitFor('the old leader to truncate', () =>
      cluster!.events.some((e) => e.type === 'log.truncated' && e.brokerId === leader),
    );

    // Acknowledged, yet not in the log the cluster kept.
    const kept = new Set(
      cluster.engine.partitionLog('clicks', 0, { limit: 1000 }).map((r) => r.key),
    );
    const lost = [...acked.keys()].filter((key) => !kept.has(key)).sort();
    expect(lost.length).toBeGreaterThan(0);

    // The engine's events say which: the truncation lists each, charged to the client by name.
    const truncations = cluster.events.filter(
      (e) => e.type === 'log.truncated' && e.topic === 'clicks',
    );
    const named = truncations.flatMap((e) => (e.type === 'log.truncated' ? e.lostAcked : []));
    expect(named.map((r) => r.key).sort()).toEqual(lost);
    expect(new Set(named.map((r) => r.producerId))).toEqual(new Set(['ext:tracker']));
    // Each at the offset the producer was told.
    for (const r of named) expect(r.offset).toBe(acked.get(r.key!));
    await producer.disconnect();
    await admin.disconnect();
  }, 60_000);
});
