// Every lesson walked headless, as a learner who only presses Show me and Next would walk it: each
// step's done condition is false before the action and becomes true after it, its pause lands on
// the moment it is done, its narration has every live number it names and stays within budget.
// Walked twice: acting at once, and after reading each step for a few sim seconds, so that the
// steps do not depend on when the learner presses Next.
import { describe, expect, it } from 'vitest';
import { COURSE } from '../../src/lessons/course';
import { walkLesson } from './walker';

const READING_MS = [0, 4000];

describe('the course, walked with Show me and Next', () => {
  for (const lesson of COURSE) {
    it(`lesson ${lesson.number}: ${lesson.id}`, () => {
      for (const readingMs of READING_MS) {
        const steps = walkLesson(lesson, { readingMs });
        expect(steps.map((s) => s.id)).toEqual(lesson.steps.map((s) => s.id));
      }
    });
  }
});
