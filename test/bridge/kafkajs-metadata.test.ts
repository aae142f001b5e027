// Unmodified KafkaJS against the simulated cluster (issue 14, first slice): its admin client
// connects through the bridge, negotiates versions and reads the cluster's metadata from the
// brokers the picture shows. Requests the engine does not serve yet close the connection.
import type { Kafka } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { scenario } from '../engine/helpers';
import { BASE_PORT, PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

function start(): { cluster: PacedCluster; kafka: Kafka } {
  cluster = new PacedCluster(
    scenario({
      seed: 9,
      preset: 'kafka-defaults',
      cluster: { brokers: 3 },
      topics: [
        { name: 'orders', partitions: 3, replicationFactor: 3 },
        { name: 'payments', partitions: 2, replicationFactor: 2 },
      ],
    }),
  );
  return { cluster, kafka: cluster.kafka('lab') };
}

describe('KafkaJS admin against the simulated cluster', () => {
  it('reads the brokers, the controller and the topics as the engine has them', async () => {
    const { cluster, kafka } = start();
    const admin = kafka.admin();
    await admin.connect();
    const described = await admin.describeCluster();
    expect(described.brokers.map((b) => [b.nodeId, b.port]).sort()).toEqual([
      [1, BASE_PORT],
      [2, BASE_PORT + 1],
      [3, BASE_PORT + 2],
    ]);
    // KRaft: a live broker stands for the controller (clients cannot reach the controllers).
    expect([1, 2, 3]).toContain(described.controller);
    expect(described.clusterId).toBe('kafka-sim');

    expect((await admin.listTopics()).sort()).toEqual(['orders', 'payments']);
    const { topics } = await admin.fetchTopicMetadata({ topics: ['orders'] });
    const view = cluster.engine.view().topics.find((t) => t.name === 'orders')!;
    expect(
      topics[0].partitions.map((p) => [p.partitionId, p.leader, p.replicas, p.isr]).sort(),
    ).toEqual(view.partitions.map((p) => [p.partition, p.leader, p.replicas, p.isr]).sort());
    await admin.disconnect();

    // Its traffic crossed the simulated network as a client of its own, named by its client id.
    const events = cluster.events;
    const connected = events.filter((e) => e.type === 'external.connected');
    expect(connected.length).toBeGreaterThan(0);
    const metadata = events.filter(
      (e) => e.type === 'net.sent' && e.kind === 'metadata' && e.from.startsWith('external:'),
    );
    expect(metadata.length).toBeGreaterThanOrEqual(2);
    await cluster.waitFor('the closed connection', () =>
      events.some((e) => e.type === 'external.closed' && e.clientId === 'lab'),
    );
  });
});
