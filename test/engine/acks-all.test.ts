// acks=all with replication.factor 3 and min.insync.replicas 2 (kafka-spec 1.3, 3.5, 3.9 item 2):
// one broker down costs neither data nor availability; a second one makes writes fail with
// NOT_ENOUGH_REPLICAS (nothing appended) instead of accepting them with a single copy.
import { describe, expect, it } from 'vitest';
import { missingAcked, must, ofType, Run, runTo, scenario, start } from './helpers';

const KEYS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];

function replicated() {
  return scenario({
    seed: 3,
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [
      { id: 'checkout', topic: 'orders', ratePerSec: 10, keys: KEYS, config: { acks: 'all' } },
    ],
  });
}

describe('RF 3, min.insync.replicas 2, acks=all', () => {
  it('loses no acknowledged record and keeps acknowledging when one broker dies', () => {
    const { engine, events } = start(replicated(), 5000);
    must(engine, { type: 'killBroker', brokerId: 2 });
    const after = runTo(engine, 25_000);
    const fenced = ofType(after, 'broker.fenced').find((e) => e.brokerId === 2)!;
    expect(fenced).toBeDefined();

    const acked = ofType([...events, ...after], 'record.acked');
    // Still available: every partition keeps acknowledging with two of three replicas.
    for (const partition of [0, 1, 2]) {
      const late = acked.filter((e) => e.partition === partition && e.t > fenced.t + 2000);
      expect(late.length, `orders-${partition} acks after the failure`).toBeGreaterThan(0);
    }
    expect(ofType(after, 'record.failed').filter((e) => e.error === 'NOT_ENOUGH_REPLICAS')).toEqual(
      [],
    );
    expect(missingAcked(engine, acked)).toEqual([]);
  });

  it('fails produces with NOT_ENOUGH_REPLICAS once a second broker dies, and acks nothing', () => {
    const { engine } = start(replicated(), 5000);
    must(engine, { type: 'killBroker', brokerId: 2 });
    runTo(engine, 15_000);
    must(engine, { type: 'killBroker', brokerId: 3 });
    const events = runTo(engine, 40_000);
    const fenced = ofType(events, 'broker.fenced').find((e) => e.brokerId === 3)!;
    expect(fenced).toBeDefined();

    // Every partition is down to ISR [1]: below min.insync.replicas.
    for (const p of engine.view().topics[0].partitions) expect(p.isr).toEqual([1]);
    const refused = ofType(events, 'record.failed').filter(
      (e) => e.error === 'NOT_ENOUGH_REPLICAS' && e.t > fenced.t,
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((e) => e.partition))).toEqual(new Set([0, 1, 2]));
    // Responses already on their way at the fencing may still arrive; after that, nothing.
    const lateAcks = ofType(events, 'record.acked').filter((e) => e.t > fenced.t + 2000);
    expect(lateAcks).toEqual([]);
    // NOT_ENOUGH_REPLICAS is checked before the append: the leader's log does not grow.
    const leo = engine.view().topics[0].partitions.map((p) => p.logEndOffset);
    runTo(engine, 45_000);
    expect(engine.view().topics[0].partitions.map((p) => p.logEndOffset)).toEqual(leo);
  });

  it('still holds every acknowledged record after both brokers return', () => {
    const run = new Run(replicated());
    run.to(5000);
    run.do({ type: 'killBroker', brokerId: 2 }).to(15_000);
    run.do({ type: 'killBroker', brokerId: 3 }).to(30_000);
    run.do({ type: 'restartBroker', brokerId: 2 }).do({ type: 'restartBroker', brokerId: 3 });
    run.to(60_000);
    const acked = run.all('record.acked');
    expect(acked.length).toBeGreaterThan(100);
    expect(missingAcked(run.engine, acked)).toEqual([]);
    // No offset was acknowledged twice for different records.
    const byOffset = new Map<string, string>();
    for (const a of acked) {
      const k = `${a.partition}@${a.offset}`;
      expect(byOffset.get(k) ?? a.value, k).toBe(a.value);
      byOffset.set(k, a.value);
    }
  });
});
