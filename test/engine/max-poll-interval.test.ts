// max.poll.interval.ms and poll() (kafka-spec 5.4; Kafka's AbstractCoordinator heartbeat thread,
// pollTimeoutExpired and maybeLeaveGroup, ConsumerCoordinator.poll): a consumer that spends more
// than max.poll.interval.ms between two polls leaves its group with LeaveGroup and joins again
// from its next poll; a rebalance waits for each member's next poll (up to the rebalance
// timeout); and the records a poll returned are processed even when a rebalance takes their
// partitions away.
import { describe, expect, it } from 'vitest';
import { keysFor, Run, scenario } from './helpers';

const MAX_POLL_INTERVAL_MS = 20_000; // classroom preset
const PARTITIONS = 4;

function groupRun(): Run {
  return new Run(
    scenario({
      seed: 7,
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions: PARTITIONS, replicationFactor: 2 }],
      producers: [
        {
          id: 'p',
          topic: 't',
          ratePerSec: 20,
          keys: Array.from({ length: PARTITIONS }, (_, p) => keysFor(p, PARTITIONS)[0]),
        },
      ],
      groups: [
        {
          id: 'g',
          topics: ['t'],
          consumers: 2,
          config: { 'partition.assignment.strategy': 'range' },
        },
      ],
    }),
  );
}

/** Make g-2 slow: `perRecordMs` per record, `records` per poll. */
function slowDown(run: Run, perRecordMs: number, records: number): void {
  run.do({
    type: 'setConfig',
    scope: 'consumer',
    id: 'g-2',
    key: 'sim.processing.ms',
    value: perRecordMs,
  });
  run.do({
    type: 'setConfig',
    scope: 'consumer',
    id: 'g-2',
    key: 'max.poll.records',
    value: records,
  });
}

describe('max.poll.interval.ms', () => {
  it('a consumer that processes longer than it between polls leaves the group, and rejoins from its next poll', () => {
    const run = groupRun();
    run.to(15_000);
    // 30 records at 1 s each: 30 s between polls, more than 20 s.
    slowDown(run, 1000, 30);
    run.to(120_000);
    const timeouts = run.all('consumer.poll-timeout').filter((e) => e.consumerId === 'g-2');
    expect(timeouts.length).toBeGreaterThan(0);
    const first = timeouts[0];
    expect(first.maxPollIntervalMs).toBe(MAX_POLL_INTERVAL_MS);
    // The coordinator gets its LeaveGroup and rebalances without it.
    const left = run.all('consumer.left').find((e) => e.consumerId === 'g-2' && e.t >= first.t);
    expect(left).toBeDefined();
    expect(left!.memberId).toBe(first.memberId);
    const without = run
      .all('group.rebalance-completed')
      .find((e) => e.t > left!.t && !('g-2' in e.assignment));
    expect(without).toBeDefined();
    expect(without!.assignment['g-1'].sort()).toEqual(['t-0', 't-1', 't-2', 't-3']);
    // It goes on processing what its poll returned, then polls: and joins as a new member.
    const consumedAfter = run
      .all('record.consumed')
      .filter((e) => e.consumerId === 'g-2' && e.t > first.t && e.t < without!.t);
    expect(consumedAfter.length).toBeGreaterThan(0);
    const rejoined = run
      .all('consumer.joined')
      .find((e) => e.consumerId === 'g-2' && e.t > first.t);
    expect(rejoined).toBeDefined();
    expect(rejoined!.memberId).not.toBe(first.memberId);
    const back = run
      .all('group.rebalance-completed')
      .find((e) => e.t > rejoined!.t && 'g-2' in e.assignment);
    expect(back).toBeDefined();
  });

  it('a rebalance waits for a slow member to finish what its poll returned and poll again', () => {
    const run = groupRun();
    run.to(15_000);
    // 10 records at 1 s each: 10 s between polls, within max.poll.interval.ms.
    slowDown(run, 1000, 10);
    run.to(40_000);
    run.do({ type: 'addConsumer', groupId: 'g' });
    run.to(80_000);
    expect(run.all('consumer.poll-timeout')).toEqual([]);
    const start = run.all('group.rebalance-started').find((e) => e.t >= 40_000)!;
    const done = run.all('group.rebalance-completed').find((e) => e.t > start.t)!;
    expect(Object.keys(done.assignment).sort()).toEqual(['g-1', 'g-2', 'g-3']);
    // Eager (range): g-2 gives its partitions up when it polls, after processing the last
    // record its previous poll returned, not when the heartbeat tells it to rejoin.
    const revoke = run
      .all('consumer.assigned')
      .find((e) => e.consumerId === 'g-2' && e.t > start.t && e.partitions.length === 0)!;
    expect(revoke).toBeDefined();
    const consumed = run.all('record.consumed').filter((e) => e.consumerId === 'g-2');
    const lastBefore = consumed.filter((e) => e.t <= revoke.t).pop()!;
    expect(lastBefore.t).toBeGreaterThan(start.t);
    expect(revoke.t - lastBefore.t).toBe(1000);
    expect(done.t).toBeGreaterThan(revoke.t);
  });
});
