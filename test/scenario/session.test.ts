// A recorded session in the scenario format (design.md 3.7): the user's commands ride in
// `actions` with their place in the event order (`afterSeq`), the play head in `playhead`. Files
// and links without them load exactly as before.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine';
import {
  DEFAULT_SCENARIO,
  decodeScenarioFromUrl,
  encodeScenarioForUrl,
  parseScenario,
  sessionScenario,
  splitSession,
  type RecordedCommand,
} from '../../src/scenario';

const base: Scenario = {
  ...DEFAULT_SCENARIO,
  actions: [{ at: 30_000, type: 'addBroker' }],
};

const log: RecordedCommand[] = [
  { at: 8000, afterSeq: 412, command: { type: 'killBroker', brokerId: 2 } },
  { at: 8000, afterSeq: 415, command: { type: 'restartBroker', brokerId: 2 } },
  { at: 12_016, afterSeq: 700, command: { type: 'addConsumer', groupId: 'billing' } },
];

describe('recorded sessions as scenarios', () => {
  it('puts the command log after the scenario actions, with the play head, and splits back', () => {
    const scenario = sessionScenario(base, log, { at: 9000, afterSeq: 480 });
    expect(scenario.actions).toEqual([
      { at: 30_000, type: 'addBroker' },
      { at: 8000, afterSeq: 412, type: 'killBroker', brokerId: 2 },
      { at: 8000, afterSeq: 415, type: 'restartBroker', brokerId: 2 },
      { at: 12_016, afterSeq: 700, type: 'addConsumer', groupId: 'billing' },
    ]);
    expect(scenario.playhead).toEqual({ at: 9000, afterSeq: 480 });
    const parsed = parseScenario(JSON.parse(JSON.stringify(scenario)));
    expect(parsed.ok).toBe(true);
    const parts = splitSession(parsed.ok ? parsed.scenario : scenario);
    expect(parts.scenario).toEqual(base);
    expect(parts.log).toEqual(log);
    expect(parts.actionIndex).toEqual([1, 2, 3]);
    expect(parts.playhead).toEqual({ at: 9000, afterSeq: 480 });
  });

  it('travels in a share link and comes back the same', () => {
    const scenario = sessionScenario(base, log, { at: 9000, afterSeq: 480 });
    const fragment = encodeScenarioForUrl(scenario);
    expect(decodeScenarioFromUrl(`https://example.org/#${fragment}`)).toEqual({
      ok: true,
      scenario,
    });
  });

  it('reads an old link (no afterSeq, no play head) as a plain scenario', () => {
    const old = encodeScenarioForUrl(DEFAULT_SCENARIO, [
      { at: 5000, type: 'killBroker', brokerId: 1 },
    ]);
    const result = decodeScenarioFromUrl(old);
    expect(result.ok).toBe(true);
    const parts = splitSession(result.ok ? result.scenario : DEFAULT_SCENARIO);
    expect(parts.log).toEqual([]);
    expect(parts.playhead).toBeNull();
    expect(parts.scenario.actions).toEqual([{ at: 5000, type: 'killBroker', brokerId: 1 }]);
  });

  it('names a recorded command that is out of the order it was given in', () => {
    const scenario = sessionScenario(base, [log[1], log[0]], null);
    const result = parseScenario(scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: 'RECORDING_OUT_OF_ORDER',
      field: 'actions[2].afterSeq',
    });
    expect(result.errors[0].message).toBe(
      'actions[2] (after 412 events at 8000 ms) comes after actions[1] (after 415 events at 8000 ms): recorded commands must stay in the order they were given',
    );
  });

  it('checks the new fields like any other', () => {
    const badSeq = parseScenario({
      ...DEFAULT_SCENARIO,
      actions: [{ at: 100, afterSeq: -1, type: 'addBroker' }],
    });
    expect(badSeq.ok || badSeq.errors[0]).toMatchObject({
      field: 'actions[0].afterSeq',
      message: 'actions[0].afterSeq must be a whole number >= 0, got -1',
    });
    const badHead = parseScenario({ ...DEFAULT_SCENARIO, playhead: { at: 'soon' } });
    expect(badHead.ok || badHead.errors[0]).toMatchObject({ field: 'playhead.at' });
    const extra = parseScenario({ ...DEFAULT_SCENARIO, playhead: { at: 5, paused: true } });
    expect(extra.ok || extra.errors[0]).toMatchObject({ field: 'playhead.paused' });
  });
});
