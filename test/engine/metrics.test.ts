// Metric samples (design.md 3.9): one per simulated second, computed from what the engine did,
// kept in the saved state so a restored engine (a timeline seek) has the same history.
import { describe, expect, it } from 'vitest';
import { restoreEngine, SAMPLE_CAP, type Engine, type MetricsHistory } from '../../src/engine';
import { must, ofType, Run, runTo, scenario, start } from './helpers';

const KEYS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];

function world(seed = 3) {
  return scenario({
    seed,
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [
      { id: 'checkout', topic: 'orders', ratePerSec: 10, keys: KEYS, config: { acks: 'all' } },
    ],
    groups: [{ id: 'billing', topics: ['orders'], consumers: 1 }],
  });
}

/** The series `id` as [t, value] pairs. */
function series(h: MetricsHistory, id: string): [number, number | null][] {
  const i = h.columns.indexOf(id);
  expect(i, `series ${id}`).toBeGreaterThanOrEqual(0);
  return h.samples.map((s) => [s.t, s.v[i] ?? null]);
}
const valueAt = (h: MetricsHistory, id: string, t: number) =>
  series(h, id).find(([at]) => at === t)?.[1];

const URP = 'cluster||UnderReplicatedPartitions';

describe('metric samples', () => {
  it('samples once per simulated second, whatever the steps the clock took', () => {
    const a = start(world(), 10_500).engine;
    const b = start(world(), 0).engine;
    for (let t = 137; t <= 10_500; t += 137) b.advanceTo(t);
    b.advanceTo(10_500);
    const h = a.metrics();
    expect(h.samples.map((s) => s.t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => s * 1000));
    expect(b.metrics()).toEqual(h);
  });

  it('counts records sent, appended as leader and consumed, as the events say', () => {
    const run = new Run(world());
    run.to(20_000);
    const h = run.engine.metrics();
    const window = (e: { t: number }) => e.t >= 14_000 && e.t < 15_000;
    const appended = run
      .all('record.appended')
      .filter(
        (e) =>
          window(e) && run.engine.view().topics[0].partitions[e.partition].leader === e.brokerId,
      )
      .reduce((n, e) => n + e.count, 0);
    expect(valueAt(h, 'cluster||MessagesInPerSec', 15_000)).toBe(appended);
    const consumed = run.all('record.consumed').filter(window).length;
    const consumer = h.columns.find(
      (c) => c.startsWith('consumer|') && c.endsWith('|records-consumed-rate'),
    )!;
    expect(valueAt(h, consumer, 15_000)).toBe(consumed);
    expect(consumed).toBeGreaterThan(0);
    expect(valueAt(h, 'producer|checkout|record-send-rate', 15_000)).toBeGreaterThan(0);
    expect(valueAt(h, 'producer|checkout|request-latency-avg', 15_000)).toBeGreaterThan(0);
  });

  it('UnderReplicatedPartitions rises when a broker dies and returns to 0 after it rejoins', () => {
    const run = new Run(world());
    run.to(8000);
    run.do({ type: 'killBroker', brokerId: 2 });
    run.to(30_000);
    run.do({ type: 'restartBroker', brokerId: 2 });
    run.to(60_000);
    const h = run.engine.metrics();
    const urp = series(h, URP);
    expect(urp.filter(([t]) => t <= 8000).every(([, v]) => v === 0)).toBe(true);
    const fenced = run.all('broker.fenced').find((e) => e.brokerId === 2)!;
    const during = urp.filter(([t]) => t > fenced.t + 1000 && t <= 30_000);
    expect(during.length).toBeGreaterThan(0);
    // Every partition with a replica on broker 2 (all of orders, plus offsets partitions).
    for (const [, v] of during) expect(v).toBeGreaterThanOrEqual(3);
    expect(urp.at(-1)![1]).toBe(0);
    const shrinks = series(h, 'cluster||IsrShrinksPerSec').reduce((n, [, v]) => n + (v ?? 0), 0);
    expect(shrinks).toBe(run.all('isr.shrunk').length);
    const expands = series(h, 'cluster||IsrExpandsPerSec').reduce((n, [, v]) => n + (v ?? 0), 0);
    expect(expands).toBe(run.all('isr.expanded').length);
    // A dead broker reports nothing.
    const b2 = series(h, 'broker|2|UnderReplicatedPartitions');
    expect(b2.find(([t]) => t === 20_000)![1]).toBeNull();
  });

  it('records-lag-max and the group lag climb while the only consumer is gone, and drain after one joins', () => {
    const run = new Run(world());
    run.to(10_000);
    const consumer = run.engine.view().consumers[0].id;
    run.do({ type: 'killConsumer', consumerId: consumer });
    run.to(25_000);
    run.do({ type: 'addConsumer', groupId: 'billing' });
    run.to(70_000);
    const h = run.engine.metrics();
    const lag = series(h, 'group|billing|records-lag');
    const at = (t: number) => lag.find(([s]) => s === t)![1]!;
    expect(at(10_000)).toBeLessThan(40);
    expect(at(25_000)).toBeGreaterThan(at(15_000));
    expect(at(15_000)).toBeGreaterThan(at(10_000));
    expect(at(25_000)).toBeGreaterThan(150);
    expect(at(70_000)).toBeLessThan(40);
    // Per partition detail sums to the group's total.
    const parts = h.columns.filter((c) => c.startsWith('partition|billing/orders-'));
    expect(parts.length).toBe(3);
    const sum = parts.reduce((n, c) => n + (valueAt(h, c, 25_000) ?? 0), 0);
    expect(sum).toBe(at(25_000));
    // The killed consumer reports no lag of its own.
    expect(valueAt(h, `consumer|${consumer}|records-lag-max`, 20_000)).toBeNull();
    expect(valueAt(h, 'group|billing|rebalance-total', 70_000)).toBe(
      run.all('group.rebalance-completed').filter((e) => e.groupId === 'billing').length,
    );
  });

  it('records-lag-max rises under a slow consumer and drains when it speeds up', () => {
    const s = world();
    s.groups![0].config = { 'sim.processing.ms': 250 };
    const run = new Run(s);
    run.to(30_000);
    run.do({
      type: 'setConfig',
      scope: 'group',
      id: 'billing',
      key: 'sim.processing.ms',
      value: 1,
    });
    run.to(60_000);
    const h = run.engine.metrics();
    const consumer = run.engine.view().consumers[0].id;
    const lag = series(h, `consumer|${consumer}|records-lag-max`);
    // The lag the consumer sees moves with its fetches: compare the worst of each stretch.
    const worst = (from: number, to: number) =>
      Math.max(...lag.filter(([t]) => t > from && t <= to).map(([, v]) => v ?? 0));
    expect(worst(10_000, 30_000)).toBeGreaterThan(worst(0, 10_000));
    expect(worst(10_000, 30_000)).toBeGreaterThan(20);
    const groupLag = series(h, 'group|billing|records-lag');
    const g = (t: number) => groupLag.find(([s]) => s === t)![1]!;
    expect(g(30_000)).toBeGreaterThan(g(10_000) + 50);
    expect(g(60_000)).toBeLessThan(40);
    expect(worst(50_000, 60_000)).toBeLessThan(10);
  });

  it('FailedProduceRequestsPerSec is positive exactly while produces fail with NOT_ENOUGH_REPLICAS', () => {
    const run = new Run(world());
    run.to(5000);
    run.do({ type: 'killBroker', brokerId: 2 });
    run.to(15_000);
    run.do({ type: 'killBroker', brokerId: 3 });
    run.to(40_000);
    const h = run.engine.metrics();
    const second = (t: number) => Math.floor(t / 1000) * 1000 + 1000;
    const failedResponses = run
      .all('net.sent')
      .filter((e) => e.kind === 'produce-response' && e.error !== undefined);
    const refused = new Set(
      failedResponses.filter((e) => e.error === 'NOT_ENOUGH_REPLICAS').map((e) => second(e.t)),
    );
    expect(refused.size).toBeGreaterThan(5);
    const failed = series(h, 'cluster||FailedProduceRequestsPerSec');
    for (const [t, v] of failed) {
      // Each second counts exactly the produce requests the brokers answered with an error.
      expect(v, `t=${t}`).toBe(failedResponses.filter((e) => second(e.t) === t).length);
      if (refused.has(t)) expect(v, `t=${t}`).toBeGreaterThan(0);
    }
    // Nothing fails while two replicas are in sync.
    const fenced3 = run.all('broker.fenced').find((e) => e.brokerId === 3)!;
    for (const [t, v] of failed) if (t <= fenced3.t) expect(v, `t=${t}`).toBe(0);
    const errors = series(h, 'error|NOT_ENOUGH_REPLICAS|produce-errors');
    expect(errors.reduce((n, [, v]) => n + (v ?? 0), 0)).toBe(
      run.all('record.failed').filter((e) => e.error === 'NOT_ENOUGH_REPLICAS').length,
    );
  });

  it('a restored engine (a seek) has the same samples as an uninterrupted run, before and after', () => {
    const commands = (e: Engine, t: number) => {
      if (t === 8000) must(e, { type: 'killBroker', brokerId: 2 });
      if (t === 20_000) must(e, { type: 'restartBroker', brokerId: 2 });
    };
    const straight = start(world(), 0).engine;
    let saved = null;
    for (let t = 1000; t <= 40_000; t += 1000) {
      straight.advanceTo(t);
      commands(straight, t);
      if (t === 12_000) saved = straight.save();
    }
    const restored = restoreEngine(JSON.parse(JSON.stringify(saved)));
    expect(restored.metrics()).toEqual(
      (() => {
        const h = straight.metrics();
        return {
          columns: h.columns.slice(0, restored.metrics().columns.length),
          samples: h.samples
            .filter((s) => s.t <= 12_000)
            .map((s) => ({
              t: s.t,
              v: s.v.slice(0, restored.metrics().samples.find((r) => r.t === s.t)!.v.length),
            })),
        };
      })(),
    );
    for (let t = 13_000; t <= 40_000; t += 1000) {
      restored.advanceTo(t);
      commands(restored, t);
    }
    expect(restored.metrics()).toEqual(straight.metrics());
    expect(restored.metrics(30_000).samples.map((s) => s.t)[0]).toBe(30_000);
  });

  it('keeps at most SAMPLE_CAP samples', () => {
    const { engine } = start(
      scenario({
        cluster: { brokers: 1 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
      }),
      (SAMPLE_CAP + 50) * 1000,
    );
    const h = engine.metrics();
    expect(h.samples.length).toBe(SAMPLE_CAP);
    expect(h.samples.at(-1)!.t).toBe((SAMPLE_CAP + 50) * 1000);
    expect(h.samples[0].t).toBe(51_000);
    void ofType;
    void runTo;
  });

  it('counts the active controller on the KRaft controllers, and moves it with a failover', () => {
    const run = new Run(world());
    run.to(5_000);
    run.do({ type: 'killController', controllerId: 1001 });
    const changed = ofType(run.to(20_000), 'controller.changed');
    expect(changed).toHaveLength(1);
    const next = changed[0].controllerId!;
    const h = run.engine.metrics();
    const active = (id: number, t: number) =>
      valueAt(h, `controller|${id}|ActiveControllerCount`, t);
    // Before: 1001 is active, the others are not; a broker never is.
    expect([active(1001, 4000), active(1002, 4000), active(1003, 4000)]).toEqual([1, 0, 0]);
    expect(valueAt(h, 'broker|1|ActiveControllerCount', 4000)).toBe(0);
    expect(valueAt(h, 'cluster||ActiveControllerCount', 4000)).toBe(1);
    expect(valueAt(h, 'controller|1001|current-epoch', 4000)).toBe(1);
    // During the election nobody is active; after it the new leader, in a later epoch.
    const after = Math.ceil(changed[0].t / 1000) * 1000 + 1000;
    expect(active(1001, after)).toBeNull();
    expect(active(next, after)).toBe(1);
    expect(valueAt(h, 'cluster||ActiveControllerCount', after)).toBe(1);
    expect(valueAt(h, 'cluster||ActiveControllerCount', 6000)).toBe(0);
    expect(valueAt(h, `controller|${next}|current-epoch`, after)).toBe(changed[0].epoch);
    // Its copy of __cluster_metadata keeps committing (NoOps every 500 ms).
    expect(valueAt(h, `controller|${next}|high-watermark`, 19_000)!).toBeGreaterThan(
      valueAt(h, `controller|${next}|high-watermark`, after)!,
    );
  });
});
