// Time-based retention (kafka-spec 7): whole segments, oldest first, never at or above the high
// watermark; the log start offset moves to the first remaining segment. A group reset to
// "earliest" (kafka-spec 5.5; only while the group has no active members) then starts there.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/engine';
import { keysFor, ofType, Run, scenario } from './helpers';

function retained() {
  return new Run(
    scenario({
      seed: 6,
      // Retention passes every 15 s (at 15, 30, 45 s), so a reset at 31 s is not overtaken by
      // another deletion before the restarted consumer's first fetch.
      cluster: { brokers: 3, config: { 'log.retention.check.interval.ms': 15_000 } },
      topics: [
        {
          name: 't',
          partitions: 2,
          replicationFactor: 2,
          config: { 'retention.ms': 10_000, 'segment.bytes': 1024 },
        },
      ],
      producers: [
        { id: 'p', topic: 't', ratePerSec: 20, keys: [0, 1].map((p) => keysFor(p, 2)[0]) },
      ],
      groups: [
        { id: 'g', topics: ['t'], consumers: 1, config: { 'auto.offset.reset': 'earliest' } },
      ],
    }),
  );
}

/** Step the engine event by event up to `ms`, calling `check` after each step with its events. */
function stepTo(run: Run, ms: number, check: (events: SimEvent[]) => void): void {
  for (;;) {
    const next = run.engine.nextEventTime();
    if (next === null || next > ms) break;
    run.engine.step();
    const events = run.engine.drainEvents();
    run.events.push(...events);
    check(events);
  }
  run.to(ms);
}

describe('retention', () => {
  it('deletes old segments, advances the log start offset, and never passes the HW', () => {
    const run = retained();
    const starts = new Map<string, number>();
    stepTo(run, 40_000, (events) => {
      for (const e of ofType(events, 'log.retention-deleted')) {
        const p = run.engine.view().topics[0].partitions[e.partition];
        const replica = p.replicaStates.find((r) => r.brokerId === e.brokerId)!;
        expect(e.reason.code).toBe('retention-ms');
        expect(e.segments).toBeGreaterThan(0);
        expect(replica.logStartOffset).toBe(e.logStartOffset);
        expect(replica.logStartOffset).toBeLessThanOrEqual(replica.highWatermark);
        // Whole segments only: the log now starts at its first remaining segment.
        expect(replica.segments[0].baseOffset).toBe(e.logStartOffset);
        const k = `${e.partition}/${e.brokerId}`;
        expect(e.logStartOffset).toBeGreaterThan(starts.get(k) ?? 0);
        starts.set(k, e.logStartOffset);
      }
    });
    const deleted = run.all('log.retention-deleted');
    // Both partitions, on both of their replicas, at every pass after the first 10 s.
    expect(new Set(deleted.map((e) => `${e.partition}/${e.brokerId}`)).size).toBe(4);
    for (const p of run.engine.view().topics[0].partitions) {
      expect(p.logStartOffset).toBeGreaterThan(0);
      // Offsets are never reused: the log still ends where it did, and starts later.
      expect(p.logEndOffset).toBeGreaterThan(p.logStartOffset);
      const first = run.engine.partitionLog('t', p.partition, { fromOffset: 0, limit: 1 })[0];
      expect(first.offset).toBe(p.logStartOffset);
    }
  });

  it('a group reset to earliest starts at the new log start', () => {
    const run = retained();
    run.to(30_500);
    // A reset needs an empty group.
    const busy = run.engine.dispatch({
      type: 'resetOffsets',
      groupId: 'g',
      topic: 't',
      to: 'earliest',
    });
    expect(busy).toMatchObject({ ok: false, error: { code: 'NON_EMPTY_GROUP' } });

    run.do({ type: 'closeConsumer', consumerId: 'g-1' }).to(31_000);
    const starts = run.engine.view().topics[0].partitions.map((p) => p.logStartOffset);
    expect(Math.min(...starts)).toBeGreaterThan(0);
    run.do({ type: 'resetOffsets', groupId: 'g', topic: 't', to: 'earliest' });
    const committed = run.engine.view().groups[0].offsets.map((o) => o.committed);
    expect(committed).toEqual(starts);

    run.do({ type: 'restartConsumer', consumerId: 'g-1' });
    const after = run.to(44_000);
    for (const partition of [0, 1]) {
      const first = ofType(after, 'record.consumed').find((e) => e.partition === partition);
      expect(first?.offset, `t-${partition}`).toBe(starts[partition]);
    }
  });

  // kafka-spec 7 and 3.2: a follower whose log ends before the leader's log start (retention
  // deleted what it missed) gets OFFSET_OUT_OF_RANGE and restarts its log at the leader's log
  // start. Kafka's UnifiedLog.truncateFullyAndStartAt sets the high watermark to the new log
  // end there, so logStartOffset <= HW <= LEO holds on every replica at every moment.
  it('a follower restarted behind the log start resets there without its HW falling behind', () => {
    const run = new Run(
      scenario({
        seed: 2,
        cluster: { brokers: 3 },
        topics: [
          { name: 't', partitions: 1, replicationFactor: 2, config: { 'retention.ms': 5000 } },
        ],
        producers: [{ id: 'p', topic: 't', ratePerSec: 20 }],
      }),
    );
    run.to(3000);
    const { leader, replicas } = run.engine.view().topics[0].partitions[0];
    const follower = replicas.find((id) => id !== leader)!;
    run.do({ type: 'killBroker', brokerId: follower }).to(25_000);
    const behind = run.engine.view().topics[0].partitions[0];
    const leaderStart = behind.replicaStates.find((r) => r.brokerId === leader)!.logStartOffset;
    const followerEnd = behind.replicaStates.find((r) => r.brokerId === follower)!.logEndOffset;
    expect(leaderStart).toBeGreaterThan(followerEnd);

    run.do({ type: 'restartBroker', brokerId: follower });
    const broken: string[] = [];
    stepTo(run, 40_000, () => {
      const r = run.engine
        .view()
        .topics[0].partitions[0].replicaStates.find((x) => x.brokerId === follower)!;
      if (!(r.logStartOffset <= r.highWatermark && r.highWatermark <= r.logEndOffset))
        broken.push(
          `t=${run.engine.now}: start ${r.logStartOffset}, HW ${r.highWatermark}, LEO ${r.logEndOffset}`,
        );
    });
    expect(broken.slice(0, 3)).toEqual([]);
    // And it caught up: back in the ISR, starting no earlier than the leader's log start.
    const p = run.engine.view().topics[0].partitions[0];
    expect([...p.isr].sort()).toEqual([...replicas].sort());
    expect(
      p.replicaStates.find((r) => r.brokerId === follower)!.logStartOffset,
    ).toBeGreaterThanOrEqual(leaderStart);
  });
});
