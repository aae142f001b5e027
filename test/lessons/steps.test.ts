// The pure step logic: done conditions, pauses, live numbers in the narration, length budget.
import { describe, expect, it } from 'vitest';
import { createEngine, type SimEvent } from '../../src/engine';
import { DEFAULT_SCENARIO } from '../../src/scenario';
import {
  fillText,
  isStepDone,
  narration,
  narrationLength,
  pauseEvent,
  resumeEvent,
} from '../../src/lessons/steps';
import type { LessonStep, StepContext } from '../../src/lessons/types';

const elected = (e: SimEvent) =>
  e.type === 'partition.leader-elected' && e.reason.code !== 'new-partition';

const failover: LessonStep = {
  id: 'failover',
  narration: {
    en: 'Broker {{leader}} now leads orders-0 with epoch {{epoch}}.',
    'zh-CN': '现在 Broker {{leader}} 是 orders-0 的 Leader，epoch 为 {{epoch}}。',
  },
  values: ({ view }) => {
    const p = view.topics[0].partitions[0];
    return { leader: p.leader, epoch: p.leaderEpoch };
  },
  done: ({ events }) => events.some(elected),
  showMe: [{ type: 'killBroker', brokerId: 2 }],
  pauseOn: elected,
};

function context(events: SimEvent[], engine = createEngine(DEFAULT_SCENARIO)): StepContext {
  return { view: engine.view(), events, startedAt: 0 };
}

describe('lesson steps', () => {
  it('a step is done only once its condition holds in the events since it began', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    engine.advanceTo(3000);
    const before = engine.drainEvents().filter((e) => !e.type.startsWith('net.'));
    expect(isStepDone(failover, context(before, engine))).toBe(false);
    const leaderOf0 = engine.view().topics[0].partitions[0].leader;
    engine.dispatch({ type: 'killBroker', brokerId: leaderOf0 });
    engine.advanceTo(20_000);
    const after = engine.drainEvents().filter((e) => !e.type.startsWith('net.'));
    expect(isStepDone(failover, context(after, engine))).toBe(true);
    expect(pauseEvent(failover, after)).toMatchObject({ type: 'partition.leader-elected' });
  });

  it('resumes a paused run on the learner’s own command, not on other events', () => {
    const kill: LessonStep = {
      ...failover,
      resumeOn: (e) => e.type === 'command.applied' && e.command.type === 'killBroker',
    };
    const engine = createEngine(DEFAULT_SCENARIO);
    engine.advanceTo(2000);
    const before = engine.drainEvents();
    expect(resumeEvent(kill, before)).toBeNull();
    engine.dispatch({ type: 'killBroker', brokerId: 2 });
    expect(resumeEvent(kill, engine.drainEvents())).toMatchObject({ type: 'command.applied' });
    expect(resumeEvent(failover, before)).toBeNull();
  });

  it('a step with no condition is done at once', () => {
    expect(isStepDone({ id: 'read', narration: { en: 'x', 'zh-CN': 'x' } }, context([]))).toBe(
      true,
    );
  });

  it('reads the narration numbers from the live state, in both languages', () => {
    const engine = createEngine(DEFAULT_SCENARIO);
    const p = engine.view().topics[0].partitions[0];
    const ctx = context([], engine);
    expect(narration(failover, 'en', ctx)).toBe(
      `Broker ${p.leader} now leads orders-0 with epoch ${p.leaderEpoch}.`,
    );
    expect(narration(failover, 'zh-CN', ctx)).toContain(`Broker ${p.leader} 是 orders-0`);
  });

  it('leaves an unknown placeholder visible instead of inventing a number', () => {
    expect(fillText('offset {{offset}} of {{missing}}', { offset: 7 })).toBe('offset 7 of ?');
  });

  it('measures English in words and Chinese in characters plus Latin words', () => {
    expect(narrationLength('Kill the leader of orders-0 now.')).toBe(6);
    expect(narrationLength('终止 orders-0 的 Leader。')).toBe(5);
  });
});
