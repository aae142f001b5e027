// Share links: a scenario (and the commands a user ran) survive the trip through a URL.
import { describe, expect, it } from 'vitest';
import type { Scenario, TimedCommand } from '../../src/engine';
import {
  BUILTIN_SCENARIOS,
  DEFAULT_SCENARIO,
  decodeScenarioFromUrl,
  encodeScenarioForUrl,
} from '../../src/scenario';

describe('scenario links', () => {
  it.each(BUILTIN_SCENARIOS)('$id round-trips through a fragment', ({ scenario }) => {
    const fragment = encodeScenarioForUrl(scenario);
    expect(fragment).toMatch(/^scenario=[A-Za-z0-9+\-$]+$/);
    expect(decodeScenarioFromUrl(fragment)).toEqual({ ok: true, scenario });
  });

  it('accepts the fragment with "#", or a whole URL', () => {
    const fragment = encodeScenarioForUrl(DEFAULT_SCENARIO);
    const expected = { ok: true, scenario: DEFAULT_SCENARIO };
    expect(decodeScenarioFromUrl(`#${fragment}`)).toEqual(expected);
    expect(decodeScenarioFromUrl(`https://example.org/sim/?lang=zh#${fragment}`)).toEqual(expected);
    expect(decodeScenarioFromUrl(`#lang=zh&${fragment}`)).toEqual(expected);
  });

  it('survives a link that was percent-escaped on the way', () => {
    const fragment = encodeScenarioForUrl(DEFAULT_SCENARIO);
    const escaped = `scenario=${encodeURIComponent(fragment.slice('scenario='.length))}`;
    expect(decodeScenarioFromUrl(escaped)).toEqual({ ok: true, scenario: DEFAULT_SCENARIO });
  });

  it('carries a command log as the scenario actions, ordered by time', () => {
    const scenario: Scenario = {
      version: 1,
      seed: 1,
      cluster: { brokers: 3 },
      actions: [{ at: 5000, type: 'killBroker', brokerId: 2 }],
    };
    const log: TimedCommand[] = [
      { at: 9000, type: 'restartBroker', brokerId: 2 },
      { at: 5000, type: 'addBroker' },
      { at: 1000, type: 'isolateBroker', brokerId: 1 },
    ];
    const result = decodeScenarioFromUrl(encodeScenarioForUrl(scenario, log));
    expect(result.ok && result.scenario.actions).toEqual([
      { at: 1000, type: 'isolateBroker', brokerId: 1 },
      { at: 5000, type: 'killBroker', brokerId: 2 },
      { at: 5000, type: 'addBroker' },
      { at: 9000, type: 'restartBroker', brokerId: 2 },
    ]);
  });

  it('reports a link that was cut short', () => {
    const fragment = encodeScenarioForUrl(DEFAULT_SCENARIO);
    for (const cut of [fragment.slice(0, 40), fragment.slice(0, -5)]) {
      const result = decodeScenarioFromUrl(cut);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors[0].code).toBe('DAMAGED_LINK');
        expect(result.errors[0].message).toMatch(/damaged or incomplete/);
      }
    }
  });

  it('reports garbage and a link without a scenario', () => {
    const garbage = decodeScenarioFromUrl('#scenario=%%%not-lz-at-all');
    expect(garbage.ok || garbage.errors[0].code).toBe('DAMAGED_LINK');
    const none = decodeScenarioFromUrl('https://example.org/#lang=zh');
    expect(none.ok || none.errors[0].code).toBe('NO_SCENARIO_IN_LINK');
  });

  it('validates the decoded scenario like parseScenario', () => {
    const bad = { ...DEFAULT_SCENARIO, cluster: { brokers: 0 } };
    const result = decodeScenarioFromUrl(encodeScenarioForUrl(bad as Scenario));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].field).toBe('cluster.brokers');
  });
});
