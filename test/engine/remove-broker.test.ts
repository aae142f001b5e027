// removeBroker: each replica on the broker is reassigned (replicas grow to target + old, the new
// replica copies the log and joins the ISR, the reassignment commits and the old replica leaves),
// then the broker shuts down and is unregistered. Refused, naming the partition, when the
// replication factor cannot be kept.
import { describe, expect, it } from 'vitest';
import { keysFor, missingAcked, Run, scenario, wholeLog } from './helpers';

function setup(brokers: number) {
  const run = new Run(
    scenario({
      cluster: { brokers },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 2 }],
      // Keys for every partition, so that each replica to move has a log to copy.
      producers: [
        {
          id: 'p',
          topic: 'orders',
          ratePerSec: 50,
          keys: [0, 1, 2].flatMap((p) => keysFor(p, 3, 2)),
          config: { acks: 'all' },
        },
      ],
      groups: [{ id: 'g', topics: ['orders'], consumers: 1 }],
    }),
  );
  run.to(5_000);
  return run;
}

describe('removeBroker', () => {
  it('moves every replica off the broker, keeping RF and every acknowledged record, then unregisters it', () => {
    const run = setup(4);
    const on2 = run.engine
      .view()
      .topics[0].partitions.filter((p) => p.replicas.includes(2))
      .map((p) => `${p.topic}-${p.partition}`);
    expect(on2.length).toBeGreaterThan(0);
    run.do({ type: 'removeBroker', brokerId: 2 });
    run.to(40_000);
    expect(run.all('broker.removal-started')).toEqual([
      expect.objectContaining({ brokerId: 2, partitions: on2.length }),
    ]);
    const started = run.all('partition.reassignment-started');
    const completed = run.all('partition.reassignment-completed');
    expect(started.map((e) => `${e.topic}-${e.partition}`).sort()).toEqual([...on2].sort());
    expect(completed.map((e) => `${e.topic}-${e.partition}`).sort()).toEqual([...on2].sort());
    for (const e of started) expect(e.removing).toEqual([2]);
    // The broker shut down after its last replica left, then was unregistered.
    const stopped = run.all('broker.stopped').find((e) => e.brokerId === 2)!;
    const lastCompleted = Math.max(...completed.map((e) => e.t));
    expect(stopped.mode).toBe('graceful');
    expect(stopped.t).toBeGreaterThanOrEqual(lastCompleted);
    expect(run.all('broker.unregistered')).toEqual([expect.objectContaining({ brokerId: 2 })]);
    const view = run.engine.view();
    expect(view.brokers.map((b) => b.id)).toEqual([1, 3, 4]);
    for (const p of view.topics[0].partitions) {
      expect(p.replicas).toHaveLength(2);
      expect(p.replicas).not.toContain(2);
      expect([...p.isr].sort()).toEqual([...p.replicas].sort());
      // The new replica copied the whole log from the leader: the same records from offset 0.
      const [a, b] = p.replicas.map((id) => wholeLog(run.engine, 'orders', p.partition, id));
      const n = Math.min(a.length, b.length);
      if (on2.includes(`orders-${p.partition}`)) expect(n).toBeGreaterThan(100);
      expect(b.slice(0, n).map((r) => [r.offset, r.value])).toEqual(
        a.slice(0, n).map((r) => [r.offset, r.value]),
      );
    }
    expect(missingAcked(run.engine, run.all('record.acked'))).toEqual([]);
    // Gone for good: commands naming it are refused.
    const again = run.engine.dispatch({ type: 'restartBroker', brokerId: 2 });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('BROKER_REMOVED');
  });

  it('is refused, naming a partition, when no other live broker can take a replica', () => {
    const run = setup(2);
    const result = run.engine.dispatch({ type: 'removeBroker', brokerId: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('REPLICATION_FACTOR_NOT_KEPT');
      expect(result.error.message).toMatch(/partition orders-\d has replication factor 2/);
    }
    run.to(10_000);
    expect(run.all('partition.reassignment-started')).toEqual([]);
    expect(run.engine.view().brokers.map((b) => b.id)).toEqual([1, 2]);
  });

  it('waits for the new replica to join the ISR before the old one leaves', () => {
    const run = setup(4);
    run.do({ type: 'removeBroker', brokerId: 1 });
    run.to(40_000);
    for (const done of run.all('partition.reassignment-completed')) {
      const joined = run
        .all('isr.expanded')
        .filter((e) => e.topic === done.topic && e.partition === done.partition);
      expect(joined.length).toBeGreaterThan(0);
      expect(joined[joined.length - 1].t).toBeLessThanOrEqual(done.t);
      expect(done.replicas).not.toContain(1);
    }
    expect(run.all('broker.unregistered')).toHaveLength(1);
  });
});
