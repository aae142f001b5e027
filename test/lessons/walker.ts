// A headless learner: loads a lesson's scenario, and for each step does what the lesson runner
// and a learner who only presses `Show me` and `Next` would do, checking the step's promises on
// the way. It throws an Error naming the lesson and step at the first broken promise.
//
// The run is modelled as the UI runs it: paused at the start; a step's `play` sets it running or
// paused; its pauseOn event pauses it and its resumeOn event resumes it. Time passes only while it
// runs. The learner reads each step for `readingMs` of sim time (if the run is running), then
// acts. Teaching models are fed through the same helpers the lesson runner uses.
import { createEngine, type ClusterView, type SimEvent } from '../../src/engine';
import { feedModels, initModels, type ModelStates } from '../../src/lessons/models/run';
import {
  isStepDone,
  NARRATION_BUDGET,
  narrationLength,
  type Language,
} from '../../src/lessons/steps';
import type { FocusTarget, Lesson, LessonStep, StepContext } from '../../src/lessons/types';

export interface WalkOptions {
  /** Sim ms the learner spends reading each step before acting (0 = acts at once). */
  readingMs: number;
  /** Most sim ms a step may take after the learner acted (default 60 s). */
  boundMs?: number;
}

export interface StepRecord {
  id: string;
  startedAt: number;
  doneAt: number;
  pausedAt: number | null;
  /** The narration as shown when the step began, and when it was done, in both languages. */
  narrationAtStart: Record<Language, string>;
  narration: Record<Language, string>;
}

const LANGUAGES: Language[] = ['en', 'zh-CN'];
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;
/** How often (sim ms) done is checked between pause checks. */
const CHECK_EVERY_MS = 100;

export function walkLesson(lesson: Lesson, options: WalkOptions): StepRecord[] {
  const boundMs = options.boundMs ?? 60_000;
  const engine = createEngine(lesson.scenario);
  let models: ModelStates = initModels(lesson);
  let running = false;
  const records: StepRecord[] = [];

  const fail = (step: LessonStep, message: string): never => {
    throw new Error(`lesson ${lesson.id}, step ${step.id} (t=${engine.now}): ${message}`);
  };

  for (const step of lesson.steps) {
    const startedAt = engine.now;
    const events: SimEvent[] = [];
    const ctx = (): StepContext => ({ view: engine.view(), events, startedAt, models });
    let pausedAt: number | null = null;
    if (step.play !== undefined) running = step.play;

    /** Take in what the engine reported: feed the models, collect, pause on the step's event. */
    const take = () => {
      const fresh = engine.drainEvents().filter((e) => !e.type.startsWith('net.'));
      models = feedModels(lesson, models, fresh, engine.now);
      for (const e of fresh) {
        events.push(e);
        if (!running && step.resumeOn?.(e)) running = true;
        if (pausedAt === null && step.pauseOn?.(e)) {
          pausedAt = e.t;
          running = false;
          if (!isStepDone(step, ctx())) fail(step, `paused on ${e.type} but the step is not done`);
        }
      }
    };

    /** Run one engine event; returns false when nothing is scheduled before `until`. */
    const runOne = (until: number): boolean => {
      const next = engine.nextEventTime();
      if (next === null || next > until) {
        engine.advanceTo(until);
        take();
        return false;
      }
      engine.step();
      take();
      return true;
    };

    const narrationAtStart = checkNarration(step, ctx(), fail);

    // The learner reads while the run goes on (or stays paused).
    const readUntil = engine.now + (running ? options.readingMs : 0);
    while (running && engine.now < readUntil) runOne(readUntil);

    if (step.showMe) {
      if (isStepDone(step, ctx())) fail(step, 'done before the learner acted');
      if (pausedAt !== null) fail(step, 'paused before the learner acted');
      for (const command of step.showMe) {
        const result = engine.dispatch(command);
        if (!result.ok) fail(step, `Show me: ${command.type} refused: ${result.error.message}`);
      }
      take();
    }

    const deadline = engine.now + boundMs;
    let nextCheck = engine.now;
    let done = isStepDone(step, ctx());
    while (!done) {
      if (!running) fail(step, 'waits for the simulation but the run is paused (play: true?)');
      if (engine.now >= deadline) fail(step, `not done after ${boundMs} sim ms`);
      const more = runOne(deadline);
      if (engine.now >= nextCheck || !more || pausedAt !== null) {
        done = isStepDone(step, ctx());
        nextCheck = engine.now + CHECK_EVERY_MS;
      }
    }
    if (step.pauseOn && pausedAt === null) fail(step, 'done, but its pauseOn event never came');

    const narration = checkNarration(step, ctx(), fail);
    for (const target of step.focus ?? []) {
      if (!focusExists(lesson, engine.view(), target))
        fail(step, `focus on ${JSON.stringify(target)}, which is not in the world`);
    }
    records.push({
      id: step.id,
      startedAt,
      doneAt: engine.now,
      pausedAt,
      narrationAtStart,
      narration,
    });
  }
  return records;
}

/** A focus target names something the scene can show once the step is done. */
function focusExists(lesson: Lesson, view: ClusterView, target: FocusTarget): boolean {
  switch (target.kind) {
    case 'broker':
      return view.brokers.some((b) => b.id === target.id);
    case 'topic':
      return view.topics.some((x) => x.name === target.name);
    case 'partition':
    case 'replica': {
      const i = target.key.lastIndexOf('-');
      const topic = view.topics.find((x) => x.name === target.key.slice(0, i));
      const p = topic?.partitions[Number(target.key.slice(i + 1))];
      return !!p && (target.kind === 'partition' || p.replicas.includes(target.brokerId));
    }
    case 'producer':
      return view.producers.some((x) => x.id === target.id);
    case 'group':
      return view.groups.some((g) => g.id === target.id);
    case 'consumer':
      return view.consumers.some((c) => c.id === target.id);
    case 'model':
      return (lesson.models ?? []).some((m) => m.id === target.id);
  }
}

/** Every placeholder has a live value, and the narration is within its length budget. */
function checkNarration(
  step: LessonStep,
  ctx: StepContext,
  fail: (step: LessonStep, message: string) => never,
): Record<Language, string> {
  const values = step.values ? step.values(ctx) : {};
  const out = {} as Record<Language, string>;
  for (const lang of LANGUAGES) {
    const text = step.narration[lang];
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      const v = values[name];
      if (v === undefined || (typeof v === 'number' && !Number.isFinite(v)))
        fail(step, `${lang} narration: no live value for {{${name}}}`);
    }
    const filled = text.replace(PLACEHOLDER, (_, name: string) => String(values[name]));
    if (narrationLength(filled) > NARRATION_BUDGET[lang])
      fail(step, `${lang} narration is ${narrationLength(filled)} long with its values`);
    out[lang] = filled;
  }
  return out;
}
