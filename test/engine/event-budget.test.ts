// The per-instant event budget (issue 15): a world that never leaves one simulated instant is
// stopped with a typed error naming the instant and the last command, instead of freezing the
// tab; the engine stays whole afterwards (it can be viewed and saved, and a reset starts over).
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  EngineRunawayError,
  EVENT_BUDGET_PER_INSTANT,
  restoreEngine,
} from '../../src/engine';
import { scenario } from './helpers';
import { runawayScenario } from './runawayScenario';

function runaway(run: () => void): EngineRunawayError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineRunawayError);
    return error as EngineRunawayError;
  }
  throw new Error('no runaway');
}

describe('the event budget per instant', () => {
  it('stops a runaway world with a typed error that says where and after what', () => {
    const engine = createEngine(runawayScenario());
    const error = runaway(() => engine.advanceTo(5000));
    expect(error.code).toBe('EVENT_BUDGET_EXCEEDED');
    expect(error.message).toBe(
      `the simulation produced more than ${EVENT_BUDGET_PER_INSTANT.toLocaleString('en')} events in one instant at t=${error.at} ms; the last command was none (the scenario as loaded)`,
    );
    expect(error.toEngineError().params).toMatchObject({ limit: EVENT_BUDGET_PER_INSTANT });
    // Whole afterwards: it can be viewed and saved, and the saved state restores.
    expect(engine.now).toBe(error.at);
    expect(engine.view().brokers).toHaveLength(1);
    engine.drainEvents();
    expect(restoreEngine(engine.save()).now).toBe(error.at);
  });

  it('names the last command', () => {
    const engine = createEngine(
      scenario({
        cluster: { brokers: 1 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 1 }],
      }),
    );
    engine.advanceTo(1000);
    const command = {
      type: 'setConfig',
      scope: 'producer',
      id: 'p',
      key: 'request.timeout.ms',
      value: 0,
    } as const;
    expect(engine.dispatch(command).ok).toBe(true);
    const error = runaway(() => engine.advanceTo(60_000));
    expect(error.message).toContain(`the last command was ${JSON.stringify(command)}`);
  });

  it('stops a runaway in step() too', () => {
    const engine = createEngine(runawayScenario());
    runaway(() => {
      for (let i = 0; i < EVENT_BUDGET_PER_INSTANT + 10; i++) engine.step();
    });
  });

  it('leaves a busy but finite instant alone (a big scene starting)', async () => {
    const { bigScenario } = await import('../../src/scenario/big');
    const engine = createEngine(bigScenario());
    engine.advanceTo(2000);
    expect(engine.now).toBe(2000);
  });
});
