// The worker's lesson runner, driven through the host as the page drives it: the page advances
// while the lesson wants the run going, presses Show me and Next, and Back.
import { describe, expect, it } from 'vitest';
import { COURSE } from '../../src/lessons/course';
import { WorkerHost } from '../../src/worker/host';
import type {
  FrameMessage,
  FromWorker,
  LessonContent,
  LessonStatus,
  ReplyMessage,
} from '../../src/worker/protocol';

function setup() {
  const outbox: FromWorker[] = [];
  const host = new WorkerHost((m) => outbox.push(m));
  let nextId = 1;
  let status: LessonStatus | undefined;
  let now = 0;
  const seen = (frames: FrameMessage[]) => {
    for (const f of frames) {
      now = f.now;
      status = f.lesson;
    }
  };
  /** Send a request and wait for its reply (lesson requests answer after the course loads). */
  const request = async (request: object) => {
    const id = nextId++;
    outbox.length = 0;
    host.handle({ type: 'request', id, request });
    for (let i = 0; i < 100; i++) {
      const reply = outbox.find((m): m is ReplyMessage => m.type === 'reply' && m.id === id);
      if (reply) {
        await Promise.resolve();
        seen(outbox.filter((m): m is FrameMessage => m.type === 'frame'));
        return reply.value as never;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no reply to ${JSON.stringify(request)}`);
  };
  const advance = (ms: number) => {
    outbox.length = 0;
    host.handle({ type: 'advance', to: now + ms, withView: true });
    seen(outbox.filter((m): m is FrameMessage => m.type === 'frame'));
  };
  const view = () => {
    outbox.length = 0;
    host.handle({ type: 'request', id: nextId++, request: { type: 'view' } });
    return (outbox[0] as Extract<ReplyMessage, { request: 'view' }>).value;
  };
  return {
    request,
    advance,
    view,
    get status() {
      return status!;
    },
    get now() {
      return now;
    },
  };
}

/** Run (as the page would while the lesson wants it running) until the step is done. */
function untilDone(s: ReturnType<typeof setup>, bound = 1000) {
  for (let i = 0; i < bound && !s.status.done; i++) {
    if (!s.status.running) throw new Error(`step ${s.status.step} waits, but the run is paused`);
    s.advance(100);
  }
  if (!s.status.done) throw new Error(`step ${s.status.step} not done after ${bound} advances`);
}

async function start(s: ReturnType<typeof setup>, id: string) {
  const started = (await s.request({ type: 'lessonStart', id })) as {
    ok: boolean;
    lesson: LessonContent;
  };
  expect(started.ok).toBe(true);
  return started.lesson;
}

describe('lesson runner in the worker', () => {
  it('lists the course on demand', async () => {
    const s = setup();
    const list = (await s.request({ type: 'lessons' })) as { id: string }[];
    expect(list.map((l) => l.id)).toEqual(COURSE.map((l) => l.id));
  });

  it('starts a lesson paused at its first step, with its texts and quiz', async () => {
    const s = setup();
    const lesson = await start(s, 'failover');
    expect(lesson.stepList).toHaveLength(COURSE.find((l) => l.id === 'failover')!.steps.length);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
    expect(s.status).toMatchObject({ id: 'failover', step: 0, phase: 'step' });
  });

  it('refuses Next before the step is done, and an unknown lesson', async () => {
    const s = setup();
    expect(await s.request({ type: 'lessonStart', id: 'nope' })).toMatchObject({ ok: false });
    const lesson = await start(s, 'failover');
    const waiting = lesson.stepList.findIndex((step) => step.showMe);
    for (let i = 0; i < waiting; i++) {
      untilDone(s);
      expect(await s.request({ type: 'lessonControl', action: 'next' })).toMatchObject({
        ok: true,
      });
    }
    expect(s.status.done).toBe(false);
    expect(await s.request({ type: 'lessonControl', action: 'next' })).toMatchObject({ ok: false });
    expect(s.status.step).toBe(waiting);
  });

  // Every lesson, played through the host with Show me and Next only, reaches its quiz; a step
  // that pauses stops the play head exactly on its event.
  it.each(COURSE.map((l) => l.id))('plays %s to its quiz with Show me and Next', async (id) => {
    const s = setup();
    const lesson = await start(s, id);
    for (let i = 0; i < lesson.stepList.length; i++) {
      expect(s.status.step).toBe(i);
      if (lesson.stepList[i].showMe) {
        expect(s.status.done).toBe(false);
        await s.request({ type: 'lessonControl', action: 'showMe' });
      }
      untilDone(s);
      if (s.status.pausedAt !== null) {
        expect(s.status.running).toBe(false);
        expect(s.now).toBe(s.status.pausedAt);
      }
      expect(await s.request({ type: 'lessonControl', action: 'next' })).toMatchObject({
        ok: true,
      });
    }
    expect(s.status.phase).toBe('quiz');
  });

  it('Back restores the world where the previous step began, and drops what came after', async () => {
    const s = setup();
    const lesson = await start(s, 'failover');
    const acting = lesson.stepList.findIndex((step) => step.showMe);
    for (let i = 0; i < acting; i++) {
      untilDone(s);
      await s.request({ type: 'lessonControl', action: 'next' });
    }
    const before = JSON.stringify(s.view());
    const at = s.now;
    await s.request({ type: 'lessonControl', action: 'showMe' });
    untilDone(s);
    await s.request({ type: 'lessonControl', action: 'next' });
    expect(JSON.stringify(s.view())).not.toBe(before);

    expect(await s.request({ type: 'lessonControl', action: 'back' })).toMatchObject({ ok: true });
    expect(s.status).toMatchObject({ step: acting, done: false });
    expect(s.now).toBe(at);
    expect(JSON.stringify(s.view())).toBe(before);
    // The Show me given before is no longer in the recording: running on does not repeat it.
    const timeline = (await s.request({ type: 'timeline' })) as { end: number };
    expect(timeline.end).toBe(at);
    // And the step can be done again.
    await s.request({ type: 'lessonControl', action: 'showMe' });
    untilDone(s);
    expect(await s.request({ type: 'lessonControl', action: 'next' })).toMatchObject({ ok: true });
  });

  it('keeps a step done once it was done (Next stays offered while the learner reads)', async () => {
    const s = setup();
    const lesson = await start(s, 'why-a-message-queue');
    const decoupled = lesson.stepList.findIndex((step) => step.id === 'decoupled');
    for (let i = 0; i < decoupled; i++) {
      if (lesson.stepList[i].showMe) await s.request({ type: 'lessonControl', action: 'showMe' });
      untilDone(s);
      await s.request({ type: 'lessonControl', action: 'next' });
    }
    await s.request({ type: 'lessonControl', action: 'showMe' });
    untilDone(s);
    // Its condition (the lag of sms drained to 2 or less) passes as records keep coming; the
    // step stays done.
    for (let i = 0; i < 100; i++) {
      s.advance(100);
      expect(s.status.done).toBe(true);
    }
    expect(await s.request({ type: 'lessonControl', action: 'next' })).toMatchObject({ ok: true });
  });

  it('feeds the teaching model of lesson 2 and exits to free play in the same world', async () => {
    const s = setup();
    await start(s, 'kafka-and-a-traditional-queue');
    untilDone(s);
    await s.request({ type: 'lessonControl', action: 'next' });
    untilDone(s);
    const model = Object.values(s.status.models)[0] as { enqueued: number; now: number };
    expect(model.enqueued).toBeGreaterThan(0);
    expect(model.now).toBe(s.now);
    const at = s.now;
    expect(await s.request({ type: 'lessonControl', action: 'exit' })).toMatchObject({ ok: true });
    expect(s.status).toBeUndefined();
    expect(s.now).toBe(at);
    expect(await s.request({ type: 'lessonControl', action: 'next' })).toMatchObject({ ok: false });
  });
});
