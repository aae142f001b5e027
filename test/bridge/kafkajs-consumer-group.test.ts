// Issue 14's first acceptance line with unmodified KafkaJS: admin creates a topic, a producer
// with acks -1 sends 1,000 keyed messages, two consumers in one group receive every one exactly
// once between them (each key on one partition, in order), and the group's committed offsets
// survive a consumer restart.
import { AssignerProtocol, type Consumer, type EachMessagePayload, type Kafka } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { scenario } from '../engine/helpers';
import { PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
const running: Consumer[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.disconnect().catch(() => {});
  cluster?.stop();
});

interface Received {
  consumer: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
}

function start(): { cluster: PacedCluster; kafka: Kafka } {
  cluster = new PacedCluster(
    scenario({
      seed: 21,
      preset: 'kafka-defaults',
      // A shorter first-rebalance wait than Kafka's 3 s keeps the test quick; same protocol.
      cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': 300 } },
    }),
  );
  return { cluster, kafka: cluster.kafka('billing-app') };
}

async function consume(kafka: Kafka, name: string, into: Received[]): Promise<Consumer> {
  // KafkaJS heartbeats between fetches: a short long-poll lets a rebalance be seen quickly.
  const consumer = kafka.consumer({
    groupId: 'billing',
    heartbeatInterval: 500,
    maxWaitTimeInMs: 500,
  });
  running.push(consumer);
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }: EachMessagePayload) => {
      into.push({
        consumer: name,
        partition,
        offset: Number(message.offset),
        key: message.key!.toString(),
        value: message.value!.toString(),
      });
    },
  });
  return consumer;
}

describe('KafkaJS consumers in one group against the simulated cluster', () => {
  it('share 1,000 keyed messages exactly once, in order per key; commits survive a restart', async () => {
    const { cluster, kafka } = start();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }],
    });

    const received: Received[] = [];
    await consume(kafka, 'first', received);
    await consume(kafka, 'second', received);
    // Both are members before anything is sent: the rebalance that has them both completed.
    await cluster.waitFor('a generation with both consumers', () =>
      cluster.events.some(
        (e) =>
          e.type === 'group.rebalance-completed' &&
          e.groupId === 'billing' &&
          Object.keys(e.assignment).length === 2,
      ),
    );

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = Array.from({ length: 1000 }, (_, i) => ({
      key: `customer-${i % 41}`,
      value: String(i),
    }));
    for (let i = 0; i < sent.length; i += 50)
      await producer.send({ topic: 'orders', acks: -1, messages: sent.slice(i, i + 50) });
    await cluster.waitFor('all 1,000 messages', () => received.length >= 1000);

    // Exactly once between them: every message once, no offset twice.
    expect(received).toHaveLength(1000);
    expect(new Set(received.map((r) => r.value)).size).toBe(1000);
    expect(new Set(received.map((r) => `${r.partition}/${r.offset}`)).size).toBe(1000);
    // Both consumers took part, each on partitions of its own.
    const consumersOf = new Map<number, Set<string>>();
    for (const r of received)
      consumersOf.set(r.partition, (consumersOf.get(r.partition) ?? new Set()).add(r.consumer));
    expect(new Set(received.map((r) => r.consumer))).toEqual(new Set(['first', 'second']));
    for (const owners of consumersOf.values()) expect(owners.size).toBe(1);
    // Each key on one partition, and a key's messages in the order they were sent.
    const partitionOf = new Map<string, number>();
    for (const r of received) {
      expect(partitionOf.get(r.key) ?? r.partition).toBe(r.partition);
      partitionOf.set(r.key, r.partition);
    }
    for (const key of partitionOf.keys()) {
      const order = received.filter((r) => r.key === key).map((r) => Number(r.value));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }

    // The admin sees the group as its coordinator has it: Stable, the assignor KafkaJS chose,
    // both members with their own client id and the partitions the leader gave them.
    expect((await admin.listGroups()).groups).toContainEqual({
      groupId: 'billing',
      protocolType: 'consumer',
    });
    const [described] = (await admin.describeGroups(['billing'])).groups;
    expect(described).toMatchObject({ state: 'Stable', protocol: 'RoundRobinAssigner' });
    expect(described.members.map((m) => m.clientId)).toEqual(['billing-app', 'billing-app']);
    const owned = described.members.flatMap(
      (m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)!.assignment.orders,
    );
    expect(owned.sort()).toEqual([0, 1, 2]);

    // Stopping commits what was consumed: the group's offsets are the log ends.
    for (const c of running.splice(0)) await c.disconnect();
    const committed = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] });
    const ends = await admin.fetchTopicOffsets('orders');
    expect(committed[0].partitions.map((p) => [p.partition, Number(p.offset)]).sort()).toEqual(
      ends.map((o) => [o.partition, Number(o.high)]).sort(),
    );
    expect(ends.reduce((n, o) => n + Number(o.high), 0)).toBe(1000);

    // A restarted consumer of the group starts from the commits: only new messages arrive.
    const afterRestart: Received[] = [];
    await consume(kafka, 'restarted', afterRestart);
    await producer.send({
      topic: 'orders',
      acks: -1,
      messages: Array.from({ length: 10 }, (_, i) => ({ key: `late-${i}`, value: `late ${i}` })),
    });
    await cluster.waitFor('the 10 new messages', () => afterRestart.length >= 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(afterRestart.map((r) => r.value).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `late ${i}`).sort(),
    );
    await producer.disconnect();
    await admin.disconnect();
  }, 60_000);
});
