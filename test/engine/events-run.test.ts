// Engine.eventsRun: the position in the event order that the worker's session records commands
// at (design.md 3.7). It counts every scheduled event run, by step or advanceTo, and survives a
// save and restore.
import { describe, expect, it } from 'vitest';
import { createEngine, restoreEngine } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/scenario';

describe('Engine.eventsRun', () => {
  it('counts the events run by step and by advanceTo alike', () => {
    const stepped = createEngine(DEFAULT_SCENARIO);
    expect(stepped.eventsRun).toBe(0);
    let steps = 0;
    while (stepped.nextEventTime()! <= 5000) {
      stepped.step();
      steps++;
    }
    expect(stepped.eventsRun).toBe(steps);
    const advanced = createEngine(DEFAULT_SCENARIO);
    advanced.advanceTo(5000);
    expect(advanced.eventsRun).toBe(steps);
    expect(steps).toBeGreaterThan(10);
  });

  it('does not count commands, and stays the same when nothing runs', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    engine.advanceTo(3000);
    const before = engine.eventsRun;
    expect(engine.dispatch({ type: 'addBroker' }).ok).toBe(true);
    engine.advanceTo(3000);
    expect(engine.eventsRun).toBe(before);
  });

  it('is saved with the state and continues from there after a restore', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    engine.advanceTo(4000);
    const restored = restoreEngine(JSON.parse(JSON.stringify(engine.save())));
    expect(restored.eventsRun).toBe(engine.eventsRun);
    engine.advanceTo(9000);
    restored.advanceTo(9000);
    expect(restored.eventsRun).toBe(engine.eventsRun);
  });
});
