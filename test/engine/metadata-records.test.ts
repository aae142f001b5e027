// The controller's metadata image changes only by replaying records (controller/records.ts):
// what each record does to it, with Kafka's epoch rules (PartitionRegistration.merge): every
// PartitionChangeRecord bumps the partition epoch, only a leader change (or an explicit bump when
// replicas are removed) bumps the leader epoch.
import { describe, expect, it } from 'vitest';
import { replay, type MetadataRecord } from '../../src/engine/controller/records';
import { emptyWorld } from '../../src/engine/sim/create';

function world() {
  return emptyWorld({ version: 1, seed: 1, preset: 'classroom', cluster: { brokers: 3 } });
}

function replayAll(w: ReturnType<typeof world>, records: MetadataRecord[], now = 100) {
  for (const r of records) replay(w, r, now);
}

/** Topic `orders` with one partition whose replicas are all in the ISR, the first leading. */
function orders(replicas: number[]): MetadataRecord[] {
  return [
    { type: 'TopicRecord', name: 'orders', source: 'user' },
    {
      type: 'PartitionRecord',
      topic: 'orders',
      partition: 0,
      replicas,
      isr: replicas,
      leader: replicas[0],
    },
  ];
}

const change = { type: 'PartitionChangeRecord', topic: 'orders', partition: 0 } as const;

describe('replaying metadata records', () => {
  it('creates a topic from its TopicRecord and PartitionRecords', () => {
    const w = world();
    replayAll(w, [
      { type: 'TopicRecord', name: 'orders', config: { 'retention.ms': 5000 }, source: 'user' },
      {
        type: 'PartitionRecord',
        topic: 'orders',
        partition: 0,
        replicas: [1, 2, 3],
        isr: [1, 2, 3],
        leader: 1,
      },
      {
        type: 'PartitionRecord',
        topic: 'orders',
        partition: 1,
        replicas: [2, 3, 1],
        isr: [3, 1],
        leader: 3,
      },
    ]);
    expect(w.topics.orders).toMatchObject({ numPartitions: 2, replicationFactor: 3 });
    expect(w.topics.orders.config.explicit['retention.ms']).toMatchObject({ value: 5000 });
    expect(w.controller.partitions['orders-1']).toMatchObject({
      leader: 3,
      isr: [3, 1],
      leaderEpoch: 0,
      partitionEpoch: 0,
      history: [{ t: 100, leader: 3, leaderEpoch: 0, unclean: false }],
    });
  });

  it('bumps the partition epoch on every change, the leader epoch only with a leader change', () => {
    const w = world();
    replayAll(w, [
      ...orders([1, 2, 3]),
      { ...change, isr: [1, 2] },
      { ...change, isr: [2], leader: 2 },
      { ...change, leader: -1, unclean: false },
      { ...change, leader: 3, isr: [3], unclean: true },
    ]);
    const p = w.controller.partitions['orders-0'];
    expect(p).toMatchObject({ leader: 3, isr: [3], partitionEpoch: 4, leaderEpoch: 3 });
    expect(p.history.map((h) => [h.leader, h.leaderEpoch, h.unclean])).toEqual([
      [1, 0, false],
      [2, 1, false],
      [-1, 2, false],
      [3, 3, true],
    ]);
  });

  it('tracks a reassignment through adding/removing replicas and ends it with an epoch bump', () => {
    const w = world();
    replayAll(w, [
      ...orders([1, 2]),
      { ...change, replicas: [1, 3, 2], addingReplicas: [3], removingReplicas: [2] },
    ]);
    expect(w.controller.reassignments?.['orders-0']).toEqual({
      target: [1, 3],
      adding: [3],
      removing: [2],
    });
    replayAll(w, [
      {
        ...change,
        replicas: [1, 3],
        isr: [1, 3],
        leaderEpochBump: true,
        addingReplicas: [],
        removingReplicas: [],
      },
    ]);
    expect(w.controller.reassignments?.['orders-0']).toBeUndefined();
    expect(w.controller.partitions['orders-0']).toMatchObject({
      replicas: [1, 3],
      leader: 1,
      leaderEpoch: 1,
      partitionEpoch: 2,
    });
  });

  it('registers a broker fenced, fences, unfences and unregisters it', () => {
    const w = world();
    replayAll(w, [{ type: 'RegisterBrokerRecord', brokerId: 4, brokerEpoch: 7 }], 250);
    expect(w.controller.brokers[4]).toEqual({
      registered: true,
      fenced: true,
      brokerEpoch: 7,
      lastHeartbeat: 250,
      shuttingDown: false,
    });
    replayAll(w, [{ type: 'BrokerRegistrationChangeRecord', brokerId: 4, fenced: false }]);
    expect(w.controller.brokers[4].fenced).toBe(false);
    replayAll(w, [
      { type: 'BrokerRegistrationChangeRecord', brokerId: 4, inControlledShutdown: true },
    ]);
    expect(w.controller.brokers[4]).toMatchObject({ fenced: false, shuttingDown: true });
    replayAll(w, [{ type: 'UnregisterBrokerRecord', brokerId: 4 }]);
    expect(w.controller.brokers[4]).toBeUndefined();
  });

  it('removes a topic with its partitions, and hands out producer ids in order', () => {
    const w = world();
    replayAll(w, [
      ...orders([1]),
      { type: 'RemoveTopicRecord', name: 'orders' },
      { type: 'ProducerIdsRecord', nextProducerId: 1001 },
    ]);
    expect(w.topics.orders).toBeUndefined();
    expect(w.controller.partitions['orders-0']).toBeUndefined();
    expect(w.controller.nextProducerId).toBe(1001);
  });
});
