// No loop of requests and answers runs at one instant (issue 15). A network hop takes at least
// 1 ms even when network.latencyMs is 0, and a request times out no sooner than 1 ms after it
// was sent (Kafka's NetworkClient times a request out once more than request.timeout.ms have
// passed), so a fetch that is answered at once, a request that times out at once, or a
// reconnect with no backoff still moves the clock on: each of these loops used to spin at one
// instant until the event budget stopped it.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import type { ConfigMap, Scenario } from '../../src/engine';
import { scenario } from './helpers';

interface Settings {
  latencyMs?: number;
  broker?: ConfigMap;
  producer?: ConfigMap;
  consumer?: ConfigMap;
}

function world(s: Settings): Scenario {
  return scenario({
    network: { latencyMs: s.latencyMs ?? 0, jitterMs: 0 },
    cluster: { brokers: 3, config: s.broker },
    topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'p', topic: 't', ratePerSec: 20, config: s.producer }],
    groups: [{ id: 'g', topics: ['t'], consumers: 1, config: s.consumer }],
  });
}

/** Run millisecond by millisecond; the most tasks any one millisecond ran. */
function run(s: Settings, ms: number) {
  const engine = createEngine(world(s));
  let most = 0;
  for (let t = 1; t <= ms; t++) {
    const before = engine.eventsRun;
    engine.advanceTo(t);
    most = Math.max(most, engine.eventsRun - before);
  }
  return { engine, most };
}

describe('zero-delay loops move the clock on', () => {
  it.each<[string, Settings]>([
    [
      'follower fetches answered at once (replica.fetch.wait.max.ms = 0, latency 0)',
      { broker: { 'replica.fetch.wait.max.ms': 0 } },
    ],
    [
      'consumer fetches answered at once (fetch.max.wait.ms = 0, latency 0)',
      { consumer: { 'fetch.max.wait.ms': 0 } },
    ],
    [
      'produce requests that time out at once (request.timeout.ms = 0, no reconnect backoff)',
      {
        latencyMs: 5,
        producer: {
          'request.timeout.ms': 0,
          'reconnect.backoff.ms': 0,
          'reconnect.backoff.max.ms': 0,
          'retry.backoff.ms': 0,
          'retry.backoff.max.ms': 0,
        },
      },
    ],
    [
      'consumer requests that time out at once (request.timeout.ms = 0, fetch.max.wait.ms = 0)',
      {
        latencyMs: 5,
        consumer: { 'request.timeout.ms': 0, 'fetch.max.wait.ms': 0, 'retry.backoff.ms': 0 },
      },
    ],
    [
      'everything at zero, latency 0',
      {
        broker: { 'replica.fetch.wait.max.ms': 0, 'replica.fetch.backoff.ms': 0 },
        producer: {
          'request.timeout.ms': 0,
          'reconnect.backoff.ms': 0,
          'reconnect.backoff.max.ms': 0,
          'retry.backoff.ms': 0,
          'retry.backoff.max.ms': 0,
          'metadata.max.age.ms': 0,
        },
        consumer: {
          'request.timeout.ms': 0,
          'fetch.max.wait.ms': 0,
          'retry.backoff.ms': 0,
          'metadata.max.age.ms': 0,
        },
      },
    ],
  ])('%s', (_name, settings) => {
    const { engine, most } = run(settings, 3000);
    expect(engine.now).toBe(3000);
    // A few tasks per node per millisecond, never a spin (the budget is 100,000).
    expect(most).toBeLessThan(500);
  });

  it('a fetch answered at once still delivers records (latency 0, every wait 0)', () => {
    const { engine } = run(
      { broker: { 'replica.fetch.wait.max.ms': 0 }, consumer: { 'fetch.max.wait.ms': 0 } },
      3000,
    );
    const v = engine.view();
    expect(v.producers[0].stats.acked).toBeGreaterThan(0);
    expect(v.consumers[0].consumed).toBeGreaterThan(0);
  });

  it('a consumer with retry.backoff.ms = 0 retries a failed step 1 ms later, not at the same instant', () => {
    // A partition it owns has no leader (replication factor 1, its broker killed): the offset
    // reset cannot be sent, and each retry fails again at once. Kafka allows a backoff of 0; the
    // engine's clock step is the floor (client/retryBackoff.ts), as for a network hop.
    const engine = createEngine(
      scenario({
        network: { latencyMs: 2, jitterMs: 0 },
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 3, replicationFactor: 1 }],
        groups: [{ id: 'g', topics: ['t'], consumers: 1, config: { 'retry.backoff.ms': 0 } }],
      }),
    );
    engine.dispatch({ type: 'killBroker', brokerId: 1 });
    let most = 0;
    for (let t = 1; t <= 8000; t++) {
      const before = engine.eventsRun;
      engine.advanceTo(t);
      most = Math.max(most, engine.eventsRun - before);
    }
    expect(engine.now).toBe(8000);
    expect(most).toBeLessThan(500);
  });
});
