// A valid scenario whose world never leaves one instant (for the event-budget tests).
import type { Scenario } from '../../src/engine';
import { scenario } from './helpers';

/** Valid, but every request of the producer times out at the instant it is sent. */
export function runawayScenario(): Scenario {
  return scenario({
    cluster: { brokers: 1 },
    topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
    producers: [{ id: 'p', topic: 't', ratePerSec: 1, config: { 'request.timeout.ms': 0 } }],
  });
}
