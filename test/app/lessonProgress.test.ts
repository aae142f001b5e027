// What the browser remembers of the course: the furthest step, completion, the first-visit offer.
import { describe, expect, it } from 'vitest';
import {
  courseOffered,
  markCourseOffered,
  readProgress,
  rememberProgress,
  type ProgressStorage,
} from '../../src/app/lessonProgress';

function memory(): ProgressStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('lesson progress', () => {
  it('keeps the furthest step and a completion once reached', () => {
    const s = memory();
    rememberProgress(s, 'failover', { step: 3, steps: 7, complete: false });
    rememberProgress(s, 'failover', { step: 1, steps: 7, complete: false });
    expect(readProgress(s).failover).toEqual({ step: 3, steps: 7, complete: false });
    rememberProgress(s, 'failover', { step: 7, steps: 7, complete: true });
    rememberProgress(s, 'failover', { step: 0, steps: 7, complete: false });
    expect(readProgress(s).failover).toEqual({ step: 7, steps: 7, complete: true });
  });

  it('offers the course once: not after it was opened, declined or started', () => {
    const s = memory();
    expect(courseOffered(s)).toBe(false);
    markCourseOffered(s);
    expect(courseOffered(s)).toBe(true);
    const t = memory();
    rememberProgress(t, 'ordering', { step: 0, steps: 5, complete: false });
    expect(courseOffered(t)).toBe(true);
  });

  it('survives blocked or garbled storage', () => {
    const blocked: ProgressStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(readProgress(blocked)).toEqual({});
    expect(() =>
      rememberProgress(blocked, 'x', { step: 1, steps: 2, complete: false }),
    ).not.toThrow();
    expect(courseOffered(blocked)).toBe(true);
    const garbled = memory();
    garbled.map.set('kafka-sim.lessons', '{not json');
    expect(readProgress(garbled)).toEqual({});
    expect(readProgress(null)).toEqual({});
  });
});
