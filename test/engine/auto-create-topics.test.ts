// A producer that writes to a topic that does not exist (kafka-spec 1.6 and the broker configs;
// Kafka's KafkaApis.getTopicMetadata and AutoTopicCreationManager): its Metadata request lets
// the broker create the topic, which it does when auto.create.topics.enable is on (the
// default), with num.partitions partitions and default.replication.factor replicas. When it is
// off, the producer's send() waits for the topic until max.block.ms and then fails.
import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../src/engine';
import { Run, scenario } from './helpers';

function producerOfUnknownTopic(brokerConfig: ConfigMap) {
  const run = new Run(
    scenario({
      seed: 8,
      cluster: { brokers: 3, config: brokerConfig },
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
    }),
  );
  run.do({ type: 'addProducer', id: 'p', topic: 'clicks', ratePerSec: 2, config: { acks: '1' } });
  run.to(80_000);
  return run;
}

describe('a producer writing to a topic that does not exist', () => {
  it('has the cluster create it with num.partitions and default.replication.factor (auto.create.topics.enable)', () => {
    const run = producerOfUnknownTopic({ 'num.partitions': 2, 'default.replication.factor': 2 });
    const created = run.all('topic.created').filter((e) => e.topic === 'clicks');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      partitions: 2,
      replicationFactor: 2,
      reason: { code: 'auto-create-topics', clientId: 'p' },
    });
    const topic = run.engine.view().topics.find((t) => t.name === 'clicks')!;
    expect(topic.partitions.map((p) => p.replicas.length)).toEqual([2, 2]);
    expect(run.all('record.acked').filter((e) => e.topic === 'clicks').length).toBeGreaterThan(50);
    expect(run.all('record.failed').filter((e) => !e.retriable)).toEqual([]);
  });

  it("gets Kafka's defaults for an auto-created topic: one partition, replication factor 1", () => {
    const run = producerOfUnknownTopic({});
    expect(run.all('topic.created').find((e) => e.topic === 'clicks')).toMatchObject({
      partitions: 1,
      replicationFactor: 1,
    });
  });

  it('waits for the topic and gives its records up after max.block.ms when auto.create.topics.enable is off', () => {
    const run = producerOfUnknownTopic({ 'auto.create.topics.enable': false });
    expect(run.all('topic.created').filter((e) => e.topic === 'clicks')).toEqual([]);
    expect(run.all('record.acked')).toEqual([]);
    const failed = run.all('record.failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed) {
      expect(e.error).toBe('TIMEOUT_WAITING_FOR_METADATA');
      expect(e.t - e.sentAt).toBe(60_000);
    }
  });
});
