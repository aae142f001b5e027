// Determinism (design.md 3.1): the same scenario, seed and command log give the same event trace
// byte for byte; a saved state restored from JSON continues exactly like the engine that never
// stopped.
import { describe, expect, it } from 'vitest';
import { createEngine, restoreEngine } from '../../src/engine';
import type { Command, Engine, Scenario } from '../../src/engine';
import { scenario } from './helpers';

function busy(seed: number): Scenario {
  return scenario({
    seed,
    cluster: { brokers: 4, config: { 'min.insync.replicas': 2 } },
    topics: [
      { name: 'orders', partitions: 4, replicationFactor: 3 },
      { name: 'audit', partitions: 2, replicationFactor: 2, config: { 'retention.ms': 15_000 } },
    ],
    producers: [
      { id: 'checkout', topic: 'orders', ratePerSec: 15, keys: ['a', 'b', 'c', 'd', 'e'] },
      {
        id: 'logger',
        topic: 'audit',
        ratePerSec: 8,
        config: { acks: '1', 'enable.idempotence': false },
      },
    ],
    groups: [
      {
        id: 'billing',
        topics: ['orders'],
        consumers: 2,
        config: { 'partition.assignment.strategy': 'cooperative-sticky' },
      },
      { id: 'reader', topics: ['orders', 'audit'], consumers: 3 },
    ],
    actions: [
      { at: 6000, type: 'killBroker', brokerId: 2 },
      { at: 9000, type: 'addConsumer', groupId: 'billing' },
      { at: 14_000, type: 'restartBroker', brokerId: 2 },
      { at: 16_000, type: 'isolateBroker', brokerId: 3 },
      { at: 19_000, type: 'healBroker', brokerId: 3 },
    ],
  });
}

/** Commands dispatched by a "user" while the engine runs: [time, command]. */
const USER: [number, Command][] = [
  [7000, { type: 'killConsumer', consumerId: 'reader-2' }],
  [
    12_000,
    { type: 'setConfig', scope: 'consumer', id: 'reader-1', key: 'sim.processing.ms', value: 40 },
  ],
  [17_500, { type: 'stopBroker', brokerId: 4 }],
  [21_000, { type: 'restartConsumer', consumerId: 'reader-2' }],
  [24_000, { type: 'restartBroker', brokerId: 4 }],
];

/** Run to `until`, dispatching the user commands on the way; the JSON of every event. */
function trace(engine: Engine, until: number, from = 0): string {
  const out: string[] = [];
  for (const [at, command] of USER) {
    if (at < from || at > until) continue;
    engine.advanceTo(at);
    expect(engine.dispatch(command)).toEqual({ ok: true });
  }
  engine.advanceTo(until);
  for (const e of engine.drainEvents()) out.push(JSON.stringify(e));
  return out.join('\n');
}

describe('determinism', () => {
  it('the same scenario, seed and commands give a byte-identical trace', () => {
    const a = trace(createEngine(busy(21)), 30_000);
    const b = trace(createEngine(busy(21)), 30_000);
    expect(a.length).toBeGreaterThan(100_000);
    expect(a === b).toBe(true);
  });

  it('another seed gives another trace', () => {
    const a = trace(createEngine(busy(21)), 30_000);
    const b = trace(createEngine(busy(22)), 30_000);
    expect(a === b).toBe(false);
  });

  it.each([0, 4321, 6000, 15_555, 22_000])(
    'save at %i ms, JSON round trip, restore: the same continuation as never stopping',
    (at) => {
      const straight = createEngine(busy(21));
      const head = trace(straight, at);
      const tail = trace(straight, 30_000, at + 1);

      const stopped = createEngine(busy(21));
      expect(trace(stopped, at)).toBe(head);
      const saved = JSON.parse(JSON.stringify(stopped.save()));
      const restored = restoreEngine(saved);
      expect(restored.now).toBe(at);
      expect(JSON.stringify(restored.view())).toBe(JSON.stringify(stopped.view()));
      const resumed = trace(restored, 30_000, at + 1);
      expect(resumed === tail).toBe(true);
      expect(JSON.stringify(restored.view())).toBe(JSON.stringify(straight.view()));
    },
  );

  it('save between two events at the same instant (after step()) continues identically', () => {
    const straight = createEngine(busy(21));
    const stopped = createEngine(busy(21));
    straight.advanceTo(9000);
    stopped.advanceTo(9000);
    // Step a few events past 9 s so the save lands between queued events.
    for (let i = 0; i < 37; i++) {
      straight.step();
      stopped.step();
    }
    const restored = restoreEngine(JSON.parse(JSON.stringify(stopped.save())));
    expect(JSON.stringify(restored.drainEvents())).toBe(JSON.stringify(stopped.drainEvents()));
    straight.drainEvents();
    for (let i = 0; i < 2000; i++) {
      expect(restored.step()).toBe(straight.step());
    }
    restored.advanceTo(25_000);
    straight.advanceTo(25_000);
    expect(JSON.stringify(restored.drainEvents()) === JSON.stringify(straight.drainEvents())).toBe(
      true,
    );
  });
});
