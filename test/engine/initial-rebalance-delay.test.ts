// group.initial.rebalance.delay.ms (kafka-spec 5.2; Kafka's GroupMetadataManager.prepareRebalance
// and tryCompleteInitialRebalanceElseSchedule): the first rebalance of an empty group waits one
// delay; a member that joins during it extends the wait by a further delay when it ends, and the
// extensions stop when the rebalance timeout (the largest max.poll.interval.ms) is used up.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { ofType, Run, scenario } from './helpers';

const DELAY_MS = 3000;
const REBALANCE_TIMEOUT_MS = 10_000;

function emptyGroupRun(): Run {
  return new Run(
    scenario({
      seed: 11,
      preset: 'kafka-defaults',
      cluster: { brokers: 3, config: { 'group.initial.rebalance.delay.ms': DELAY_MS } },
      topics: [{ name: 't', partitions: 6, replicationFactor: 2 }],
      groups: [
        {
          id: 'g',
          topics: ['t'],
          consumers: 1,
          config: { 'max.poll.interval.ms': REBALANCE_TIMEOUT_MS },
        },
      ],
    }),
  );
}

const firstOf = <T extends SimEvent['type']>(run: Run, type: T) =>
  ofType(run.events, type).filter((e) => 'groupId' in e && e.groupId === 'g')[0];

describe('the initial rebalance delay', () => {
  it('a member joining during the delay extends it by a whole delay from when it ends', () => {
    const run = emptyGroupRun();
    // Run until the first member's JoinGroup has started the initial rebalance.
    while (!firstOf(run, 'group.rebalance-started')) run.to(run.engine.now + 50);
    const start = firstOf(run, 'group.rebalance-started').t;
    run.to(start + DELAY_MS - 1000);
    run.do({ type: 'addConsumer', groupId: 'g' });
    run.to(start + 3 * DELAY_MS);
    const joined = ofType(run.events, 'consumer.joined').filter((e) => e.groupId === 'g');
    expect(joined).toHaveLength(2);
    expect(joined[1].t).toBeLessThan(start + DELAY_MS);
    const done = firstOf(run, 'group.rebalance-completed');
    expect(Object.keys(done.assignment).sort()).toEqual(['g-1', 'g-2']);
    // The join phase ends at start + 2 delays; SyncGroup takes a network round trip more.
    expect(done.t).toBeGreaterThanOrEqual(start + 2 * DELAY_MS);
    expect(done.t).toBeLessThan(start + 2 * DELAY_MS + 100);
  });

  it('members that keep joining cannot hold it past the rebalance timeout', () => {
    const run = emptyGroupRun();
    while (!firstOf(run, 'group.rebalance-started')) run.to(run.engine.now + 50);
    const start = firstOf(run, 'group.rebalance-started').t;
    // A new consumer every second for 20 s: each delay has a newcomer in it.
    for (let i = 1; i <= 20; i++) {
      run.to(start + i * 1000 - 500);
      run.do({ type: 'addConsumer', groupId: 'g' });
    }
    run.to(start + 30_000);
    const done = firstOf(run, 'group.rebalance-completed');
    expect(done.t).toBeGreaterThanOrEqual(start + REBALANCE_TIMEOUT_MS);
    expect(done.t).toBeLessThan(start + REBALANCE_TIMEOUT_MS + 100);
    // Those that had joined by then are in the first generation, the rest rebalance after.
    expect(Object.keys(done.assignment).length).toBeGreaterThan(5);
    expect(Object.keys(done.assignment).length).toBeLessThan(21);
  });
});
