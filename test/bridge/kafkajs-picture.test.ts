// Real clients in the picture (issue 14, plan step 7): a KafkaJS producer is a producer card named
// by its client id, a KafkaJS consumer a row in its group, each with the connections it has open;
// what they send, read and are answered is counted as a built-in client's is, and the event log
// names their records. They leave the picture when they disconnect.
import { afterEach, describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { scenario } from '../engine/helpers';
import { PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

function start(): { cluster: PacedCluster; kafka: Kafka } {
  cluster = new PacedCluster(
    scenario({
      seed: 3,
      preset: 'kafka-defaults',
      cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 0 } },
      topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
    }),
  );
  return { cluster, kafka: cluster.kafka('shop') };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('real clients in the picture', () => {
  it('draws a KafkaJS producer and consumer like built-in ones, and lets them go', async () => {
    const { cluster, kafka } = start();
    const producer = kafka.producer();
    await producer.connect();
    const sent = await producer.send({
      topic: 'orders',
      acks: -1,
      messages: Array.from({ length: 12 }, (_, i) => ({ key: `k${i % 4}`, value: `v${i}` })),
    });

    const card = cluster.engine.view().producers.find((p) => p.id === 'ext:shop');
    expect(card?.external).toMatchObject({ clientId: 'shop', topics: ['orders'], acks: -1 });
    expect(card?.external?.connections.length).toBeGreaterThan(0);
    expect(card?.topic).toBe('orders');
    expect(card?.stats).toMatchObject({ sent: 12, acked: 12, failed: 0, inFlight: 0 });
    // Each acknowledged record is an event naming the client, at the offset KafkaJS was told.
    const acked = cluster.events.filter(
      (e) => e.type === 'record.acked' && e.producerId === 'ext:shop',
    );
    expect(acked).toHaveLength(12);
    for (const r of sent) {
      const first = acked.find((e) => e.type === 'record.acked' && e.partition === r.partition) as
        { offset: number } | undefined;
      expect(first?.offset).toBe(Number(r.baseOffset));
    }

    const consumer = kafka.consumer({ groupId: 'billing', maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    let read = 0;
    await consumer.run({
      eachMessage: async () => {
        read++;
      },
    });
    await until(() => read === 12, 'the consumer to read 12 records');
    // Its position moves with its next fetch.
    await until(
      () => cluster.engine.view().consumers.find((c) => c.external)?.consumed === 12,
      'the member to have read 12',
    );
    const view = cluster.engine.view();
    const row = view.consumers.find((c) => c.external);
    expect(row?.groupId).toBe('billing');
    expect(row?.id).toMatch(/^shop-[0-9a-f]{8}$/);
    expect(row?.status).toBe('stable');
    expect([...(row?.assignment ?? [])].sort()).toEqual(['orders-0', 'orders-1']);
    expect(Object.values(row?.lag ?? {})).toEqual([0, 0]);
    expect(row?.external?.connections.length).toBeGreaterThan(0);
    const group = view.groups.find((g) => g.id === 'billing');
    expect(group?.consumerIds).toEqual([row?.id]);
    expect(group?.leaderConsumerId).toBe(row?.id);

    await consumer.disconnect();
    await until(
      () => !cluster.engine.view().consumers.some((c) => c.external),
      'the member to leave',
    );
    await producer.disconnect();
    await until(
      () => !cluster.engine.view().producers.some((p) => p.id === 'ext:shop'),
      'the producer card to go',
    );
  });

  it('counts a refused produce as failed, with the error standing on the card', async () => {
    const { cluster, kafka } = start();
    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    // acks -1 with min.insync.replicas above the ISR: the leader refuses (retriable).
    cluster.engine.dispatch({
      type: 'setConfig',
      scope: 'topic',
      id: 'orders',
      key: 'min.insync.replicas',
      value: 3,
    });
    // A graceful stop leaves the ISR at once (controlled shutdown).
    cluster.engine.dispatch({ type: 'stopBroker', brokerId: 3 });
    await until(
      () =>
        cluster.engine
          .view()
          .topics.find((t) => t.name === 'orders')
          ?.partitions.every((p) => p.isr.length === 2) ?? false,
      'the ISR to shrink',
    );
    await expect(
      producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'a', value: 'x' }] }),
    ).rejects.toThrow();
    const card = cluster.engine.view().producers.find((p) => p.id === 'ext:shop');
    expect(card?.stats.failed).toBeGreaterThan(0);
    expect(card?.lastError).toBe('NOT_ENOUGH_REPLICAS');
    expect(card?.standingError).toMatchObject({ error: 'NOT_ENOUGH_REPLICAS', retriable: true });
    expect(
      cluster.events.some(
        (e) =>
          e.type === 'record.failed' &&
          e.producerId === 'ext:shop' &&
          e.error === 'NOT_ENOUGH_REPLICAS',
      ),
    ).toBe(true);
    await producer.disconnect();
  });
});
