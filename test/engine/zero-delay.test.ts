// No timer reschedules itself with no delay (issue 15): metadata.max.age.ms = 0 means "always
// stale", so a client asks for metadata again as soon as retry.backoff.ms allows (Kafka's
// Metadata.timeToNextUpdate), at least one clock step (1 ms) apart, and the engine moves on.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import type { ConfigMap } from '../../src/engine';
import { scenario } from './helpers';

function run(config: ConfigMap, ms: number) {
  const engine = createEngine(
    scenario({
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
      producers: [{ id: 'p', topic: 't', ratePerSec: 5, config }],
      groups: [{ id: 'g', topics: ['t'], consumers: 1, config }],
    }),
  );
  // One millisecond at a time: each step must end (a spin would never return).
  let most = 0;
  for (let t = 1; t <= ms; t++) {
    const before = engine.eventsRun;
    engine.advanceTo(t);
    most = Math.max(most, engine.eventsRun - before);
  }
  return { engine, most, events: engine.drainEvents() };
}

describe('metadata.max.age.ms = 0', () => {
  it.each([
    ['retry.backoff.ms at its default', { 'metadata.max.age.ms': 0 }],
    ['retry.backoff.ms = 0 as well', { 'metadata.max.age.ms': 0, 'retry.backoff.ms': 0 }],
  ])('refreshes as often as the backoff allows and keeps working (%s)', (_n, config) => {
    const { engine, most, events } = run(config, 4000);
    // A handful of tasks per millisecond, never a spin at one instant.
    expect(most).toBeLessThan(200);
    // Always stale: more metadata traffic than with the preset's 30 s, and records still flow.
    expect(engine.eventsRun).toBeGreaterThan(run({}, 4000).engine.eventsRun);
    expect(events.length).toBeGreaterThan(0);
    expect(engine.view().producers[0].stats.acked).toBeGreaterThan(0);
  });

  it('is refreshed no more often than every retry.backoff.ms', () => {
    const slow = run({ 'metadata.max.age.ms': 0, 'retry.backoff.ms': 1000 }, 4000).engine.eventsRun;
    const fast = run({ 'metadata.max.age.ms': 0, 'retry.backoff.ms': 10 }, 4000).engine.eventsRun;
    expect(fast).toBeGreaterThan(slow);
  });
});
