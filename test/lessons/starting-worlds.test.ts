// A lesson's starting world must stay calm while a learner reads: left alone for a few
// minutes, no consumer exceeds max.poll.interval.ms (that would start a rebalance storm the
// narration does not talk about). The walker acts at once, so only this catches it.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { COURSE } from '../../src/lessons/course';

describe('lesson starting worlds', () => {
  for (const lesson of COURSE) {
    it(`${lesson.id}: no consumer times out its poll interval in the first 3 minutes`, () => {
      const engine = createEngine(lesson.scenario);
      engine.advanceTo(180_000);
      const timeouts = engine.drainEvents().filter((e) => e.type === 'consumer.poll-timeout');
      expect(timeouts).toEqual([]);
    });
  }
});
