// A valid scenario that exceeds its per-instant event budget (for the event-budget tests). No
// loop runs at one instant any more (a network hop takes at least 1 ms, a request times out no
// sooner than 1 ms), so the runaway is honest: ten brokers send their heartbeats (and the
// controller answers) at the same instant, more work than the scenario's own
// simulator.maxEventsPerInstant allows.
import type { Scenario } from '../../src/engine';
import { scenario } from './helpers';

/** The budget runawayScenario sets. */
export const RUNAWAY_BUDGET = 20;

export function runawayScenario(): Scenario {
  return scenario({
    simulator: { maxEventsPerInstant: RUNAWAY_BUDGET },
    cluster: { brokers: 10 },
  });
}
