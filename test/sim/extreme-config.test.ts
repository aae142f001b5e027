// `npm run fuzz` plans change configs to extreme but valid values (issue 15); each such change
// is accepted by the engine, and CI plans stay as they were.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { CI_SIZE, FUZZ_SIZE, generatePlan } from './plan';
import { extremeConfig } from './runner';
import { TestRng } from './rng';

describe('extreme config faults', () => {
  it('are planned for fuzz worlds only', () => {
    expect(generatePlan(3, FUZZ_SIZE).faults.some((f) => f.kind === 'extreme-config')).toBe(true);
    expect(generatePlan(3, CI_SIZE).faults.some((f) => f.kind === 'extreme-config')).toBe(false);
  });

  it('resolve to commands the engine accepts, and the world runs on', () => {
    const plan = generatePlan(5, FUZZ_SIZE);
    const engine = createEngine(plan.scenario);
    const rng = new TestRng(5);
    for (let i = 0; i < 20; i++) {
      engine.advanceTo(engine.now + 500);
      const command = extremeConfig(engine.view(), rng)!;
      expect(engine.dispatch(command), JSON.stringify(command)).toEqual({ ok: true });
    }
    engine.advanceTo(engine.now + 5000);
  });
});
