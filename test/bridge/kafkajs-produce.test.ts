// Unmodified KafkaJS producers write to the simulated cluster: the records land in the engine's
// logs on the partitions KafkaJS's partitioner picks, with the bytes the client sent, and admin
// reads the offsets back (ListOffsets).
import { CompressionTypes, type Kafka } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { scenario } from '../engine/helpers';
import { PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

function start(): { cluster: PacedCluster; kafka: Kafka } {
  cluster = new PacedCluster(
    scenario({ seed: 5, preset: 'kafka-defaults', cluster: { brokers: 3 } }),
  );
  return { cluster, kafka: cluster.kafka('orders-app') };
}

describe('a KafkaJS producer against the simulated cluster', () => {
  it('sends 1,000 keyed messages with acks -1; every one is in the log, each key on one partition', async () => {
    const { cluster, kafka } = start();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }],
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const messages = Array.from({ length: 1000 }, (_, i) => ({
      key: `customer-${i % 37}`,
      value: `order ${i}`,
    }));
    const acked: { partition: number; baseOffset: string }[] = [];
    for (let i = 0; i < messages.length; i += 100) {
      const results = await producer.send({
        topic: 'orders',
        acks: -1,
        messages: messages.slice(i, i + 100),
      });
      for (const r of results) acked.push({ partition: r.partition, baseOffset: r.baseOffset! });
    }
    expect(acked.length).toBeGreaterThan(0);

    // The engine's logs hold all 1,000, each key on exactly one partition, in the order sent.
    const byPartition = new Map<number, string[]>();
    for (const p of [0, 1, 2]) {
      const log = cluster.engine.partitionLog('orders', p, { limit: 1000 });
      byPartition.set(
        p,
        log.map((r) => `${r.key}|${r.value}`),
      );
    }
    const all = [...byPartition.values()].flat();
    expect(all).toHaveLength(1000);
    const partitionOfKey = new Map<string, number>();
    for (const [p, records] of byPartition)
      for (const r of records) {
        const key = r.split('|')[0];
        expect(partitionOfKey.get(key) ?? p).toBe(p);
        partitionOfKey.set(key, p);
      }
    for (const records of byPartition.values()) {
      const orderOf = (r: string) => Number(r.split('order ')[1]);
      const numbers = records.map(orderOf);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    // The records carry the producer's client id; the high watermark covers them (acks -1).
    const offsets = await admin.fetchTopicOffsets('orders');
    const total = offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
    expect(total).toBe(1000);
    expect(cluster.engine.partitionLog('orders', 0, { limit: 1 })[0]?.producerId).toBe(
      'ext:orders-app',
    );
    await producer.disconnect();
    await admin.disconnect();
  });

  it('refuses a compressed batch with UNSUPPORTED_COMPRESSION_TYPE and appends nothing', async () => {
    const { cluster, kafka } = start();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'zipped', numPartitions: 1 }] });
    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    await expect(
      producer.send({
        topic: 'zipped',
        compression: CompressionTypes.GZIP,
        messages: [{ value: 'hello' }],
      }),
    ).rejects.toMatchObject({ type: 'UNSUPPORTED_COMPRESSION_TYPE' });
    expect(cluster.engine.partitionLog('zipped', 0, { limit: 10 })).toHaveLength(0);
    await producer.disconnect();
    await admin.disconnect();
  });
});
