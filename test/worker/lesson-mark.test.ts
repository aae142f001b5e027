// A lesson step with `mark: true` sets the Metrics mark where it begins (issue 12): the runner
// reports it as `markAt`, keeps it through later steps, takes it back with Back; the page puts
// it into the store, where the Metrics table counts its change column from it.
import { describe, expect, it } from 'vitest';
import { COURSE } from '../../src/lessons/course';
import type { Lesson } from '../../src/lessons/types';
import { DEFAULT_SCENARIO } from '../../src/scenario';
import { LessonRunner } from '../../src/worker/lessonRunner';
import { Session } from '../../src/worker/session';
import { followLesson } from '../../src/app/lessonSlice';
import { createSimStore } from '../../src/app/store';
import type { SimClient } from '../../src/app/client';
import type { FrameMessage, LessonStatus } from '../../src/worker/protocol';
import { lessonContent } from '../../src/worker/lessonRunner';

const text = { en: 'Watch.', 'zh-CN': '请看。' };
const lesson: Lesson = {
  ...COURSE[0],
  steps: [
    { id: 'before', narration: text },
    { id: 'moment', narration: text, mark: true },
    { id: 'after', narration: text },
  ],
};

describe('LessonRunner: mark', () => {
  it('reports where the marking step began, keeps it, and takes it back with Back', () => {
    const session = new Session(DEFAULT_SCENARIO);
    const runner = new LessonRunner(lesson, session);
    const status = () => runner.status(session.current);
    expect(status().markAt).toBeNull();
    session.advanceTo(3000);
    expect(runner.next().ok).toBe(true);
    expect(status().markAt).toBe(3000);
    session.advanceTo(5000);
    expect(runner.next().ok).toBe(true);
    expect(status().markAt).toBe(3000);
    expect(runner.back().ok).toBe(true);
    expect(status().markAt).toBe(3000);
    expect(runner.back().ok).toBe(true);
    expect(status().markAt).toBeNull();
  });
});

describe('followLesson: mark', () => {
  it('sets the Metrics mark in the store when the lesson sets one, and leaves the person’s own', () => {
    const store = createSimStore();
    const client = { setPlaying() {}, pacer: { reset() {} } } as unknown as SimClient;
    store.setState({ lesson: { content: lessonContent(lesson), status: null, answers: [] } });
    const listener = followLesson(client, store, null);
    const frame = (markAt: number | null, now: number) =>
      ({
        type: 'frame',
        cause: 'advance',
        now,
        lesson: { id: lesson.id, step: 0, steps: 3, markAt, runRevision: 1 } as LessonStatus,
      }) as FrameMessage;
    listener(frame(null, 1000), { wall: 0, confirmedNow: 1000 } as never);
    expect(store.getState().metricsMark).toBeNull();
    listener(frame(3000, 3000), { wall: 0, confirmedNow: 3000 } as never);
    expect(store.getState().metricsMark).toBe(3000);
    // The person presses Mark later: the same lesson mark does not overwrite it again.
    store.setState({ metricsMark: 7000 });
    listener(frame(3000, 8000), { wall: 0, confirmedNow: 8000 } as never);
    expect(store.getState().metricsMark).toBe(7000);
  });
});
