// The producer card's error badge comes from the engine's state: the newest produce error that
// still stands (its partition has not acknowledged a record since). Being state, not something
// the app pieces together from events, it survives a save and restore, so a jump on the
// timeline shows the badge of that moment.
import { describe, expect, it } from 'vitest';
import { createEngine, restoreEngine } from '../../src/engine';
import { findBuiltinScenario } from '../../src/scenario';
import {
  newestStandingError,
  noteStandingError,
  clearStandingError,
} from '../../src/engine/client/standingErrors';
import type { ProducerState } from '../../src/engine/sim/world';

function leaderElection() {
  const scenario = findBuiltinScenario('leader-election');
  if (!scenario) throw new Error('no leader-election');
  return createEngine(scenario);
}
const checkout = (engine: ReturnType<typeof createEngine>) =>
  engine.view().producers.find((p) => p.id === 'checkout')!;

describe('standing produce errors', () => {
  it('stand from the failed send until the new leader acknowledges, and survive a restore', () => {
    const engine = leaderElection();
    engine.advanceTo(9_900);
    expect(checkout(engine).standingError).toBeNull();
    const orders = engine.view().topics.find((t) => t.name === 'orders')!;
    const ledBy2 = orders.partitions.find((p) => p.leader === 2)!.partition;
    // Broker 2, leader of one orders partition, crashes at 10 s; the in-flight request fails.
    engine.advanceTo(11_000);
    expect(checkout(engine).standingError).toEqual({
      partition: ledBy2,
      error: 'NETWORK_EXCEPTION',
      retriable: true,
    });
    const restored = restoreEngine(engine.save());
    expect(checkout(restored).standingError).toEqual(checkout(engine).standingError);
    // Broker 2 is fenced about 4 s later, a new leader takes its partition and acknowledges the retries.
    engine.advanceTo(30_000);
    expect(checkout(engine).standingError).toBeNull();
    restored.advanceTo(30_000);
    expect(checkout(restored).standingError).toBeNull();
  });

  it('keep one error per partition, newest last; an ack clears its partition and metadata errors', () => {
    const p = {} as ProducerState;
    noteStandingError(p, -1, 'TIMEOUT_WAITING_FOR_METADATA', false);
    noteStandingError(p, 0, 'NETWORK_EXCEPTION', true);
    noteStandingError(p, 1, 'NOT_LEADER_OR_FOLLOWER', true);
    noteStandingError(p, 0, 'REQUEST_TIMED_OUT', true);
    expect(newestStandingError(p.standingErrors)?.error).toBe('REQUEST_TIMED_OUT');
    clearStandingError(p, 0);
    expect(p.standingErrors).toEqual([
      { partition: 1, error: 'NOT_LEADER_OR_FOLLOWER', retriable: true },
    ]);
    clearStandingError(p, 1);
    expect(newestStandingError(p.standingErrors)).toBeNull();
  });
});
