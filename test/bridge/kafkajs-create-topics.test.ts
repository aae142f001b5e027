// Unmodified KafkaJS admin creates topics on the simulated cluster: the broker it asks hands the
// request to the active controller, the answer comes once the records are committed, and a topic
// the controller refuses is refused with Kafka's error.
import type { Kafka } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { scenario } from '../engine/helpers';
import { PacedCluster } from './pacedCluster';

let cluster: PacedCluster | null = null;
afterEach(() => cluster?.stop());

function start(): { cluster: PacedCluster; kafka: Kafka } {
  cluster = new PacedCluster(
    scenario({ seed: 11, preset: 'kafka-defaults', cluster: { brokers: 3 } }),
  );
  return { cluster, kafka: cluster.kafka('admin-lab') };
}

describe('KafkaJS admin.createTopics and deleteTopics against the simulated cluster', () => {
  it('creates a topic the engine then has, says false for one that exists, and refuses a bad one', async () => {
    const { cluster, kafka } = start();
    const admin = kafka.admin();
    await admin.connect();
    const created = await admin.createTopics({
      topics: [
        {
          topic: 'events',
          numPartitions: 4,
          replicationFactor: 2,
          configEntries: [{ name: 'retention.ms', value: '60000' }],
        },
      ],
    });
    expect(created).toBe(true);
    const topic = cluster.engine.view().topics.find((t) => t.name === 'events')!;
    expect(topic.partitions).toHaveLength(4);
    expect(topic.replicationFactor).toBe(2);
    expect(topic.config.find((c) => c.key === 'retention.ms')?.value).toBe(60000);
    // KafkaJS waited for the leaders: every partition has one in the engine too.
    const { topics } = await admin.fetchTopicMetadata({ topics: ['events'] });
    expect(topics[0].partitions.every((p) => p.leader > 0)).toBe(true);

    // Kafka answers TOPIC_ALREADY_EXISTS, which KafkaJS reports as false.
    expect(await admin.createTopics({ topics: [{ topic: 'events' }] })).toBe(false);

    // Three brokers cannot hold five replicas.
    await expect(
      admin.createTopics({ topics: [{ topic: 'wide', numPartitions: 1, replicationFactor: 5 }] }),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: 'INVALID_REPLICATION_FACTOR' })],
    });
    expect(cluster.engine.view().topics.some((t) => t.name === 'wide')).toBe(false);
    await admin.disconnect();

    // Deleting: the topic goes (the controller's records), and an unknown one is named.
    await admin.deleteTopics({ topics: ['events'] });
    expect(cluster.engine.view().topics.some((t) => t.name === 'events')).toBe(false);
    expect(await admin.listTopics()).not.toContain('events');
    // (KafkaJS retries it, as the error is retriable, then gives up naming it.)
    await expect(admin.deleteTopics({ topics: ['nope'] })).rejects.toMatchObject({
      cause: expect.objectContaining({ type: 'UNKNOWN_TOPIC_OR_PARTITION' }),
    });
    const events = cluster.events;
    const sent = events.filter((e) => e.type === 'net.sent' && e.kind === 'create-topics');
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(
      events
        .filter((e) => e.type === 'topic.created')
        .map((e) => e.type === 'topic.created' && e.topic),
    ).toEqual(['events']);
  });
});
