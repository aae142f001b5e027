// Partitioner for null keys (kafka-spec 1.1): the built-in sticky partitioner (KIP-794, the
// default) keeps null-key records on one partition until batch.size bytes went to it, so a
// dozen small records share one partition; RoundRobinPartitioner (the `partitioner` setting
// "round-robin", Kafka's partitioner.class) sends each record to the next partition in turn,
// with no skipped partition (KAFKA-9965, fixed by KAFKA-17632 in 3.9.1/4.0: modelled as fixed).
import { describe, expect, it } from 'vitest';
import { must, ofType, runTo, scenario, start } from './helpers';

function sendTwelve(partitioner?: 'round-robin', keys?: string[]) {
  const { engine } = start(
    scenario({
      seed: 11,
      cluster: { brokers: 3 },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
      producers: [{ id: 'p', topic: 'orders', ratePerSec: 0, config: { 'linger.ms': 50 } }],
    }),
    3000,
  );
  if (partitioner)
    must(engine, {
      type: 'setConfig',
      scope: 'producer',
      id: 'p',
      key: 'partitioner',
      value: partitioner,
    });
  for (let i = 1; i <= 12; i++)
    must(engine, {
      type: 'produce',
      producerId: 'p',
      key: keys ? keys[i % keys.length] : null,
      value: `m${i}`,
    });
  const acked = ofType(runTo(engine, 8000), 'record.acked');
  expect(acked).toHaveLength(12);
  const partitionOf = new Map(acked.map((e) => [e.value, e.partition]));
  return Array.from({ length: 12 }, (_, i) => partitionOf.get(`m${i + 1}`)!);
}

describe('partitioner for null keys', () => {
  it('built-in sticky: a dozen small null-key records all go to one partition', () => {
    const partitions = sendTwelve();
    expect(new Set(partitions).size).toBe(1);
  });

  it('round-robin: each record takes the next partition, none skipped', () => {
    const partitions = sendTwelve('round-robin');
    for (let i = 1; i < partitions.length; i++)
      expect(partitions[i]).toBe((partitions[i - 1] + 1) % 3);
  });

  it('round-robin ignores keys, as RoundRobinPartitioner does', () => {
    const partitions = sendTwelve('round-robin', ['alice']);
    expect(new Set(partitions).size).toBe(3);
    const keyed = sendTwelve(undefined, ['alice']);
    expect(new Set(keyed).size).toBe(1);
  });
});
