// Issue 14's second acceptance line: a broker is killed while unmodified KafkaJS clients produce
// (acks -1) and consume in a group. KafkaJS retries through the election (the engine resets the
// dead broker's connections, the controller fences it when its heartbeats stop and elects new
// leaders), the producer and the consumers carry on, and nothing acknowledged is lost.
//
// "Acknowledged" is what send() reports: its result lists the partitions a broker acknowledged.
// KafkaJS 2.2.4 can resolve send() without a partition whose leader moved to a broker that had
// already answered for another partition of the same send (its retry skips brokers with an
// answer; tulios/kafkajs PR 1798): those messages were never sent, and a real Kafka cluster sees
// the same. The test counts them apart and checks they are exactly the unacknowledged ones.
import type { Consumer, Kafka } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { partitionForKey } from '../../src/engine';
import { scenario } from '../engine/helpers';
import { PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
const running: Consumer[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.disconnect().catch(() => {});
  cluster?.stop();
});

function start(): { cluster: PacedCluster; kafka: Kafka } {
  cluster = new PacedCluster(
    scenario({
      seed: 33,
      preset: 'kafka-defaults',
      cluster: {
        brokers: 3,
        // Kafka's timings, shortened so the test takes seconds; the same protocol.
        config: {
          'group.initial.rebalance.delay.ms': 300,
          'broker.heartbeat.interval.ms': 300,
          'broker.session.timeout.ms': 1500,
        },
      },
    }),
  );
  return {
    cluster,
    // KafkaJS's retry policy, with shorter waits (100 ms to 1 s) and more of them.
    kafka: cluster.kafka('shop', { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 }),
  };
}

async function consume(kafka: Kafka, into: string[]): Promise<void> {
  const consumer = kafka.consumer({
    groupId: 'fulfilment',
    heartbeatInterval: 500,
    maxWaitTimeInMs: 500,
  });
  running.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => void into.push(message.value!.toString()),
  });
}

describe('KafkaJS clients while a broker dies', () => {
  it('carry on after the election, and every acknowledged message is delivered', async () => {
    const { cluster, kafka } = start();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }],
    });
    const received: string[] = [];
    await consume(kafka, received);
    await consume(kafka, received);

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const acked: string[] = [];
    const neverSent: string[] = [];
    let victim = -1;
    for (let i = 0; i < 1000; i += 20) {
      if (i === 400) {
        // Kill the broker leading partition 0, the way the app's "Kill" button does.
        victim = cluster.engine.view().topics.find((t) => t.name === 'orders')!.partitions[0]
          .leader;
        expect(cluster.engine.dispatch({ type: 'killBroker', brokerId: victim }).ok).toBe(true);
      }
      const batch = Array.from({ length: 20 }, (_, k) => ({
        key: `customer-${(i + k) % 23}`,
        value: String(i + k),
      }));
      const results = await producer.send({ topic: 'orders', acks: -1, messages: batch });
      const ackedPartitions = new Set(
        results.filter((r) => r.errorCode === 0).map((r) => r.partition),
      );
      // KafkaJS's default partitioner for keyed messages is Kafka's (murmur2).
      for (const m of batch)
        (ackedPartitions.has(partitionForKey(m.key, 3)) ? acked : neverSent).push(m.value);
    }
    expect(acked.length + neverSent.length).toBe(1000);
    expect(acked.length).toBeGreaterThan(900);

    // The partitions it led moved to the survivors.
    expect(
      cluster.events.some(
        (e) => e.type === 'partition.leader-elected' && e.topic === 'orders' && e.leader !== victim,
      ),
    ).toBe(true);
    const view = cluster.engine.view().topics.find((t) => t.name === 'orders')!;
    expect(view.partitions.every((p) => p.leader > 0 && p.leader !== victim)).toBe(true);

    // Every acknowledged message reaches the group, and the log holds each once (idempotence).
    await cluster.waitFor('every acknowledged message', () =>
      acked.every((v) => received.includes(v)),
    );
    const logged = [0, 1, 2].flatMap((p) =>
      cluster.engine.partitionLog('orders', p, { limit: 2000 }).map((r) => r.value),
    );
    expect(logged.sort()).toEqual([...acked].sort());
    // What KafkaJS left out never reached a broker.
    expect(logged.filter((v) => neverSent.includes(v))).toEqual([]);
    await producer.disconnect();
    await admin.disconnect();
  }, 60_000);
});
