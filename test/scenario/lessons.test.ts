// Each built-in scenario shows what its description promises. These run the real engine and so
// wait for it: with the placeholder engine (no events) they fail.
import { describe, expect, it } from 'vitest';
import { createEngine, type SimEvent, type SimEventType } from '../../src/engine';
import { findBuiltinScenario } from '../../src/scenario';

type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;

function run(id: string, until = 60_000) {
  const scenario = findBuiltinScenario(id);
  if (!scenario) throw new Error(`no built-in scenario ${id}`);
  const engine = createEngine(scenario);
  engine.advanceTo(until);
  const events = engine.drainEvents();
  const of = <T extends SimEventType>(type: T) =>
    events.filter((e): e is EventOf<T> => e.type === type);
  return { events, of, view: engine.view() };
}

describe('built-in scenarios teach what they say', () => {
  it('default: records flow to both groups, billing shares the partitions', () => {
    const { of, view } = run('default', 30_000);
    expect(of('record.acked').length).toBeGreaterThan(10);
    const consumedBy = new Set(of('record.consumed').map((e) => e.groupId));
    expect(consumedBy).toEqual(new Set(['billing', 'analytics']));
    const billing = view.consumers.filter((c) => c.groupId === 'billing');
    expect(billing).toHaveLength(2);
    expect(billing.every((c) => c.assignment.length > 0)).toBe(true);
    expect(of('record.failed').filter((e) => !e.retriable)).toEqual([]);
  });

  it('leader-election: broker 2 crashes, a follower is elected, broker 2 rejoins the ISR', () => {
    const { of } = run('leader-election');
    expect(of('broker.stopped')).toEqual([
      expect.objectContaining({ t: 10_000, brokerId: 2, mode: 'crash' }),
    ]);
    const failover = of('partition.leader-elected').filter(
      (e) => e.topic === 'orders' && e.previousLeader === 2 && e.t > 10_000,
    );
    expect(failover).toHaveLength(1);
    expect(failover[0]).toMatchObject({
      unclean: false,
      reason: { code: 'leader-failed', brokerId: 2 },
    });
    expect(failover[0].leader).not.toBe(2);
    // Clients follow the new leader: the partition is written and read again before broker 2
    // returns at 30 s (not merely once the old leader is back).
    const moved = (e: { topic: string; partition: number; t: number }) =>
      e.topic === 'orders' &&
      e.partition === failover[0].partition &&
      e.t > failover[0].t &&
      e.t < 30_000;
    expect(of('record.acked').some(moved)).toBe(true);
    expect(of('record.consumed').some(moved)).toBe(true);
    expect(of('isr.expanded').some((e) => e.brokerId === 2 && e.t > 30_000)).toBe(true);
    expect(of('log.truncated').flatMap((e) => e.lostAcked)).toEqual([]);
  });

  it('acks-one-loses-data: acknowledged clicks are truncated away, payments are not', () => {
    const { of } = run('acks-one-loses-data');
    const truncations = of('log.truncated');
    const lostClicks = truncations.filter((e) => e.topic === 'clicks').flatMap((e) => e.lostAcked);
    const lostPayments = truncations
      .filter((e) => e.topic === 'payments')
      .flatMap((e) => e.lostAcked);
    expect(lostClicks.length).toBeGreaterThan(0);
    expect(lostPayments).toEqual([]);
    // The old leader truncates when it returns (other followers may also truncate earlier).
    expect(truncations.some((e) => e.topic === 'clicks' && e.brokerId === 1 && e.t >= 30_000)).toBe(
      true,
    );
  });

  it('min-insync-replicas: writes go on after one loss, fail with NOT_ENOUGH_REPLICAS after two', () => {
    const { of } = run('min-insync-replicas', 70_000);
    const notEnough = of('record.failed').filter((e) => e.error === 'NOT_ENOUGH_REPLICAS');
    expect(notEnough.length).toBeGreaterThan(0);
    expect(notEnough.every((e) => e.t > 25_000)).toBe(true);
    const acked = of('record.acked');
    expect(acked.some((e) => e.t > 15_000 && e.t < 25_000)).toBe(true);
    expect(acked.some((e) => e.t > 50_000)).toBe(true);
  });

  it('unclean-election: sensors elects an out-of-sync replica, ledger waits', () => {
    const { of } = run('unclean-election');
    const elections = of('partition.leader-elected');
    const unclean = elections.filter((e) => e.unclean);
    expect(unclean).toEqual([expect.objectContaining({ topic: 'sensors', leader: 3 })]);
    expect(unclean[0].t).toBeGreaterThanOrEqual(30_000);
    expect(of('partition.offline').some((e) => e.topic === 'ledger')).toBe(true);
    const ledgerBack = elections.filter((e) => e.topic === 'ledger' && e.t >= 40_000);
    expect(ledgerBack.length).toBeGreaterThan(0);
    expect(ledgerBack.every((e) => !e.unclean)).toBe(true);
    const lost = of('log.truncated')
      .filter((e) => e.topic === 'sensors')
      .flatMap((e) => e.lostAcked);
    expect(lost.length).toBeGreaterThan(0);
  });

  it('retention: whole segments are deleted within a minute and the log start moves up', () => {
    const { of, view } = run('retention');
    const deleted = of('log.retention-deleted');
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted[0].t).toBeLessThan(60_000);
    expect(deleted.every((e) => e.topic === 'metrics' && e.reason.code === 'retention-ms')).toBe(
      true,
    );
    const metrics = view.topics.find((t) => t.name === 'metrics')!;
    expect(metrics.partitions.some((p) => p.logStartOffset > 0)).toBe(true);
  });

  it('consumer-rebalance: joins spread partitions, a 4th consumer idles, close and crash rebalance', () => {
    const { of } = run('consumer-rebalance');
    // Four consumers, three partitions: one member of the generation formed after 24 s is idle.
    const withFour = of('group.rebalance-completed').filter((e) => e.t > 24_000 && e.t < 34_000);
    expect(withFour).toHaveLength(1);
    const owned = Object.values(withFour[0].assignment);
    expect(owned).toHaveLength(4);
    expect(owned.filter((parts) => parts.length === 0)).toHaveLength(1);
    expect(of('consumer.left').some((e) => e.consumerId === 'billing-1' && e.t >= 34_000)).toBe(
      true,
    );
    const crashed = of('consumer.failed').filter((e) => e.consumerId === 'billing-2');
    expect(crashed.some((e) => e.reason.code === 'member-session-timeout' && e.t > 44_000)).toBe(
      true,
    );
    const rebalances = of('group.rebalance-started').filter((e) => e.groupId === 'billing');
    expect(rebalances.length).toBeGreaterThanOrEqual(5);
  });

  it('queue-vs-pubsub: one group shares the records, then every consumer reads them all', () => {
    const { of } = run('queue-vs-pubsub');
    const consumed = of('record.consumed');
    const before = consumed.filter((e) => e.t < 20_000);
    const after = consumed.filter((e) => e.t > 28_000 && e.t < 40_000);
    expect(new Set(before.map((e) => e.groupId)).size).toBe(1);
    const readers = (events: typeof consumed) => {
      const byRecord = new Map<string, Set<string>>();
      for (const e of events) {
        const key = `${e.topic}-${e.partition}@${e.offset}`;
        byRecord.set(key, (byRecord.get(key) ?? new Set()).add(e.consumerId));
      }
      return [...byRecord.values()].map((s) => s.size);
    };
    expect(Math.max(...readers(before))).toBe(1);
    expect(new Set(after.map((e) => e.groupId)).size).toBe(3);
    expect(Math.max(...readers(after))).toBe(3);
  });
});
