// deleteTopic (DeleteTopics): the partitions and every broker's logs go away, a group reading it
// rebalances without it and forgets its committed offsets; internal and unknown topics are refused.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

interface SavedState {
  brokers: { logs: Record<string, unknown> }[];
  groups: Record<string, { committed: Record<string, number> }>;
}
const world = (run: Run) => (run.engine.save().state as { world: SavedState }).world;

function setup() {
  const run = new Run(
    scenario({
      cluster: { brokers: 3, config: { 'auto.create.topics.enable': false } },
      topics: [
        { name: 'orders', partitions: 3, replicationFactor: 2 },
        { name: 'audit', partitions: 2, replicationFactor: 2 },
      ],
      producers: [{ id: 'p', topic: 'orders', ratePerSec: 20 }],
      groups: [{ id: 'g', topics: ['orders', 'audit'], consumers: 2 }],
    }),
  );
  run.to(8_000);
  return run;
}

describe('deleteTopic', () => {
  it('removes the partitions, the logs on every broker and the group committed offsets', () => {
    const run = setup();
    const before = run.engine.view();
    expect(before.topics.flatMap((t) => t.partitions).some((p) => p.topic === 'orders')).toBe(true);
    expect(before.groups[0].offsets.some((o) => o.topic === 'orders' && o.committed !== null)).toBe(
      true,
    );
    // The deletion takes effect once the controller quorum has committed it.
    run.do({ type: 'deleteTopic', topic: 'orders' }).to(10_000);
    expect(run.all('topic.deleted')).toEqual([
      expect.objectContaining({ topic: 'orders', partitions: 3 }),
    ]);
    run.to(20_000);
    const view = run.engine.view();
    expect(view.topics.map((t) => t.name)).not.toContain('orders');
    expect(view.topics.flatMap((t) => t.partitions).some((p) => p.topic === 'orders')).toBe(false);
    expect(view.groups[0].offsets.some((o) => o.topic === 'orders')).toBe(false);
    const state = { world: world(run) };
    for (const b of state.world.brokers)
      expect(Object.keys(b.logs).filter((k) => k.startsWith('orders-'))).toEqual([]);
    expect(
      Object.keys(state.world.groups.g.committed).filter((k) => k.startsWith('orders-')),
    ).toEqual([]);
    // The group rebalanced and now shares only audit's partitions.
    const owned = view.consumers.flatMap((c) => c.assignment).sort();
    expect(owned).toEqual(['audit-0', 'audit-1']);
    // The producer is told the topic is unknown, and without auto creation its records fail.
    run.to(200_000);
    const producer = run.engine.view().producers[0];
    expect(producer.stats.failed).toBeGreaterThan(0);
  });

  it('with auto.create.topics.enable a running producer brings the topic back (num.partitions)', () => {
    const run = new Run(
      scenario({
        cluster: { brokers: 3 },
        topics: [{ name: 'orders', partitions: 3, replicationFactor: 2 }],
        producers: [{ id: 'p', topic: 'orders', ratePerSec: 20 }],
      }),
    );
    run.to(5_000);
    run.do({ type: 'deleteTopic', topic: 'orders' }).to(15_000);
    const created = run.all('topic.created').filter((e) => e.topic === 'orders');
    expect(created.at(-1)?.reason).toEqual(expect.objectContaining({ code: 'auto-create-topics' }));
    expect(run.engine.view().topics.find((t) => t.name === 'orders')?.partitions).toHaveLength(1);
  });

  it('a group that dropped a deleted topic takes it back when it is created again', () => {
    // The topic's return changes the metadata the assignment was made from, so the group
    // rebalances again (ConsumerCoordinator compares its metadata snapshot) and reads it.
    const run = new Run(
      scenario({
        cluster: { brokers: 3 },
        topics: [{ name: 'orders', partitions: 2, replicationFactor: 2 }],
        producers: [{ id: 'p', topic: 'orders', ratePerSec: 20 }],
        groups: [{ id: 'g', topics: ['orders'], consumers: 1 }],
      }),
    );
    run.to(8_000);
    run.do({ type: 'deleteTopic', topic: 'orders' }).to(40_000);
    expect(run.all('topic.created').some((e) => e.topic === 'orders')).toBe(true);
    const consumer = run.engine.view().consumers[0];
    expect(consumer.assignment).toEqual(['orders-0']);
    const consumedAfter = run
      .all('record.consumed')
      .filter((e) => e.t > 20_000 && e.topic === 'orders');
    expect(consumedAfter.length).toBeGreaterThan(0);
  });

  it('refuses internal and unknown topics and changes nothing', () => {
    const run = setup();
    const internal = run.engine.dispatch({ type: 'deleteTopic', topic: '__consumer_offsets' });
    expect(internal).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL_TOPIC', field: 'topic' },
    });
    const unknown = run.engine.dispatch({ type: 'deleteTopic', topic: 'nope' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_TOPIC_OR_PARTITION' } });
  });

  it('a broker that was down while the topic was deleted drops its stray logs on return', () => {
    const run = setup();
    run.do({ type: 'killBroker', brokerId: 2 }).to(9_000);
    run.do({ type: 'deleteTopic', topic: 'orders' }).to(10_000);
    run.do({ type: 'restartBroker', brokerId: 2 }).to(30_000);
    const state = { world: world(run) };
    expect(Object.keys(state.world.brokers[1].logs).filter((k) => k.startsWith('orders-'))).toEqual(
      [],
    );
  });
});
