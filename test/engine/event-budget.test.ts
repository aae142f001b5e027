// The per-instant event budget (issue 15): a world that never leaves one simulated instant is
// stopped with a typed error naming the instant and the last command, instead of freezing the
// tab; the engine stays whole afterwards (it can be viewed and saved, and a reset starts over).
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  EngineInputError,
  EngineRunawayError,
  EVENT_BUDGET_PER_INSTANT,
  restoreEngine,
} from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { scenario } from './helpers';
import { RUNAWAY_BUDGET, runawayScenario } from './runawayScenario';

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
      `the simulation produced more than ${RUNAWAY_BUDGET} events in one instant at t=${error.at} ms; the last command was none (the scenario as loaded)`,
    );
    expect(error.toEngineError().params).toMatchObject({ limit: RUNAWAY_BUDGET });
    // Whole afterwards: it can be viewed and saved, and the saved state restores.
    expect(engine.now).toBe(error.at);
    expect(engine.view().brokers).toHaveLength(10);
    engine.drainEvents();
    expect(restoreEngine(engine.save()).now).toBe(error.at);
  });

  it('names the last command', () => {
    // Three brokers stay within the budget; seven more heartbeat at the same instants as they do.
    const engine = createEngine(
      scenario({ simulator: { maxEventsPerInstant: RUNAWAY_BUDGET }, cluster: { brokers: 3 } }),
    );
    engine.advanceTo(10_000);
    const command = { type: 'addBroker' } as const;
    for (let i = 0; i < 7; i++) expect(engine.dispatch(command).ok).toBe(true);
    const error = runaway(() => engine.advanceTo(60_000));
    expect(error.message).toContain(`the last command was ${JSON.stringify(command)}`);
  });

  it('stops a runaway in step() too', () => {
    const engine = createEngine(runawayScenario());
    runaway(() => {
      for (let i = 0; i < 100_000; i++) engine.step();
    });
  });

  it('leaves a busy but finite instant alone (a big scene starting)', async () => {
    const { bigScenario } = await import('../../src/scenario/big');
    const engine = createEngine(bigScenario());
    engine.advanceTo(2000);
    expect(engine.now).toBe(2000);
  });

  it('keeps a scenario budget across save and restore', () => {
    const engine = createEngine(runawayScenario());
    engine.advanceTo(100);
    const restored = restoreEngine(engine.save());
    expect(runaway(() => restored.advanceTo(60_000)).limit).toBe(RUNAWAY_BUDGET);
  });

  it.each([0, 1.5, EVENT_BUDGET_PER_INSTANT + 1, '10'])(
    'refuses simulator.maxEventsPerInstant = %j, naming the field and the rule',
    (value) => {
      const s = runawayScenario();
      s.simulator = { maxEventsPerInstant: value as number };
      const parsed = parseScenario(s);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0].field).toBe('simulator.maxEventsPerInstant');
      try {
        createEngine(s);
        expect.unreachable('the engine took it');
      } catch (e) {
        const errors = (e as EngineInputError).errors;
        expect(errors[0].field).toBe('simulator.maxEventsPerInstant');
        expect(errors[0].message).toContain(
          `must be a whole number between 1 and ${EVENT_BUDGET_PER_INSTANT}`,
        );
      }
    },
  );
});
