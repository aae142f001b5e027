// Queue and publish-subscribe (kafka-spec 5): every group receives every record of its topics
// (publish-subscribe between groups), while the consumers of one group split the partitions
// between them (a queue within a group). setDeliveryMode moves consumers between the two.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { keysFor, Run, scenario } from './helpers';

const KEYS = [0, 1, 2].map((p) => keysFor(p, 3)[0]);

function twoGroups() {
  return new Run(
    scenario({
      seed: 2,
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions: 3, replicationFactor: 2 }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 10, keys: KEYS }],
      groups: [
        { id: 'billing', topics: ['t'], consumers: 2, config: { 'auto.offset.reset': 'earliest' } },
        { id: 'audit', topics: ['t'], consumers: 1, config: { 'auto.offset.reset': 'earliest' } },
      ],
    }),
  );
}

/** Groups that have at least one running consumer, per the view. */
function groupsWithRunningConsumers(engine: Engine): string[] {
  const view = engine.view();
  const running = view.consumers.filter((c) => c.status !== 'crashed' && c.status !== 'closed');
  return view.groups.filter((g) => running.some((c) => c.groupId === g.id)).map((g) => g.id);
}

describe('two groups on one topic', () => {
  it('each receive every acknowledged record (publish-subscribe)', () => {
    const run = twoGroups();
    run.to(20_000);
    run.do({ type: 'pauseProducer', producerId: 'p' }).to(30_000);
    const acked = run.all('record.acked').map((a) => `${a.partition}@${a.offset}`);
    expect(acked.length).toBeGreaterThan(100);
    for (const group of ['billing', 'audit']) {
      const consumed = new Set(
        run
          .all('record.consumed')
          .filter((e) => e.groupId === group)
          .map((e) => `${e.partition}@${e.offset}`),
      );
      expect(
        acked.filter((r) => !consumed.has(r)),
        group,
      ).toEqual([]);
    }
  });

  it("share the partitions among one group's consumers (queue)", () => {
    const run = twoGroups();
    run.to(20_000);
    const byPartition = new Map<number, Set<string>>();
    for (const e of run.all('record.consumed').filter((x) => x.groupId === 'billing')) {
      const owners = byPartition.get(e.partition) ?? new Set<string>();
      owners.add(e.consumerId);
      byPartition.set(e.partition, owners);
    }
    // Every partition is read by exactly one billing consumer, and both have work.
    expect([...byPartition.keys()].sort()).toEqual([0, 1, 2]);
    for (const owners of byPartition.values()) expect(owners.size).toBe(1);
    const consumers = new Set([...byPartition.values()].flatMap((s) => [...s]));
    expect(consumers).toEqual(new Set(['billing-1', 'billing-2']));
    // And each record reached billing once: no record consumed by both of its consumers.
    const seen = run
      .all('record.consumed')
      .filter((e) => e.groupId === 'billing')
      .map((e) => `${e.partition}@${e.offset}`);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('setDeliveryMode', () => {
  it('pubsub gives each consumer a group of its own; queue puts them back in one', () => {
    const run = new Run(
      scenario({
        seed: 2,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 3, replicationFactor: 2 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 10, keys: KEYS }],
        groups: [{ id: 'g', topics: ['t'], consumers: 3 }],
      }),
    );
    run.to(10_000);
    expect(groupsWithRunningConsumers(run.engine)).toEqual(['g']);

    run.do({ type: 'setDeliveryMode', topic: 't', mode: 'pubsub' });
    const pubsub = run.to(25_000);
    const groups = groupsWithRunningConsumers(run.engine);
    expect(groups).toHaveLength(3);
    // Each of them now reads all three partitions, and consumes from each.
    for (const c of run.engine.view().consumers)
      expect(c.assignment.sort()).toEqual(['t-0', 't-1', 't-2']);
    for (const group of groups) {
      const late = pubsub.filter(
        (e) => e.type === 'record.consumed' && e.groupId === group && e.t > 20_000,
      );
      expect(new Set(late.map((e) => (e.type === 'record.consumed' ? e.partition : -1)))).toEqual(
        new Set([0, 1, 2]),
      );
    }

    run.do({ type: 'setDeliveryMode', topic: 't', mode: 'queue' }).to(40_000);
    expect(groupsWithRunningConsumers(run.engine)).toEqual(['g']);
    const assignments = run.engine.view().consumers.map((c) => c.assignment.length);
    expect(assignments).toEqual([1, 1, 1]);
  });
});
