// A scenario's timed actions are the script, not the user: the event log must not say "You:"
// for them (issue 10), while the user's own commands still do.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import leaderElection from '../../src/scenario/examples/leader-election.json' with { type: 'json' };
import type { Scenario } from '../../src/engine';
import { createI18n } from '../../src/i18n';
import { describeEvent, eventInfo } from '../../src/app/eventText';

describe('who did a command', () => {
  it('scenario actions are told as the scenario, user commands as "You"', () => {
    const en = createI18n('en').t;
    const engine = createEngine(leaderElection as Scenario);
    engine.advanceTo(11_000);
    engine.dispatch({ type: 'addBroker' });
    engine.advanceTo(11_001);
    const applied = engine.drainEvents().filter((e) => e.type === 'command.applied');
    expect(applied.map((e) => describeEvent(e, en))).toEqual([
      'Scenario: kill broker 2',
      'You: add a broker',
    ]);
    expect(applied.map((e) => eventInfo(e).category)).toEqual(['cluster', 'you']);
  });
});
