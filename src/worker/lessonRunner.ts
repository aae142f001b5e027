// The lesson runner (design.md 3.8, src/lessons/README.md "How a runner plays a lesson"): it
// plays one lesson on the worker's recorded session, as test/lessons/walker.ts does in Node.
// The host feeds it every batch of engine events as they are played (network traffic left out);
// it collects the step's events, feeds the teaching models, pauses on the step's pauseOn event
// and resumes on its resumeOn event. The page has the clock, so "pause" and "run" are wishes
// the page follows (`running` with a revision that changes whenever the runner changes it).
// Back restores the moment where the previous step began through the session's seek (its
// checkpoints) and drops the recorded future there, so the world from there is free again.
import type { Engine, SimEvent } from '../engine';
import { feedModels, initModels, type ModelStates } from '../lessons/models/run';
import { isStepDone } from '../lessons/steps';
import type { Lesson, LessonStep, StepContext } from '../lessons/types';
import type { SessionMoment } from './moment';
import type { LessonContent, LessonStatus, LessonSummary } from './protocol';
import type { Session } from './session';

/** Where a step began: enough to come back to it exactly. */
interface StepStart {
  moment: SessionMoment;
  models: ModelStates;
  running: boolean;
}

export class LessonRunner {
  /** The step shown; `lesson.steps.length` means the quiz. */
  private index = 0;
  private events: SimEvent[] = [];
  private startedAt = 0;
  private models: ModelStates;
  private running = false;
  private runRevision = 0;
  private pausedAt: number | null = null;
  /** Where the latest step with `mark: true` began (the Metrics mark), or null. */
  private markAt: number | null = null;
  /**
   * Once a step has been done it stays done: Next stays offered even if the condition that made
   * it done passes (a lag that drained, then grows a little) before the learner presses it.
   */
  private doneSeen = false;
  private starts: StepStart[] = [];

  constructor(
    readonly lesson: Lesson,
    private readonly session: Session,
  ) {
    this.models = initModels(lesson);
    // The scenario starts paused; the first step's `play` decides.
    this.setRunning(false);
    this.begin();
  }

  get stepIndex(): number {
    return this.index;
  }

  private get step(): LessonStep | null {
    return this.lesson.steps[this.index] ?? null;
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.runRevision++;
  }

  private begin(): void {
    const step = this.step;
    this.events = [];
    this.pausedAt = null;
    this.doneSeen = false;
    this.startedAt = this.session.current.now;
    if (!step) return;
    if (step.mark) this.markAt = this.startedAt;
    if (step.play !== undefined) this.setRunning(step.play);
    this.starts[this.index] = {
      moment: this.session.head,
      models: this.models,
      running: this.running,
    };
  }

  /**
   * Take in events the session played (in order). Returns true when the step's pauseOn event was
   * among them: the host stops advancing there.
   */
  take(played: readonly SimEvent[]): boolean {
    const fresh = played.filter((e) => !e.type.startsWith('net.'));
    const engine = this.session.current;
    this.models = feedModels(this.lesson, this.models, fresh, engine.now);
    const step = this.step;
    let paused = false;
    for (const e of fresh) {
      this.events.push(e);
      if (!step) continue;
      if (!this.running && step.resumeOn?.(e)) this.setRunning(true);
      if (this.pausedAt === null && step.pauseOn?.(e)) {
        this.pausedAt = e.t;
        this.setRunning(false);
        paused = true;
      }
    }
    return paused;
  }

  /** The models move with time even when no event came. */
  advanceModels(): void {
    this.models = feedModels(this.lesson, this.models, [], this.session.current.now);
  }

  private context(engine: Engine, view = engine.view()): StepContext {
    return {
      view,
      events: this.events,
      startedAt: this.startedAt,
      models: this.models,
    };
  }

  isDone(): boolean {
    const step = this.step;
    if (!step || this.doneSeen) return true;
    this.doneSeen = isStepDone(step, this.context(this.session.current));
    return this.doneSeen;
  }

  /** Next: only once the step is done. Past the last step comes the quiz. */
  next(): { ok: boolean; error?: string } {
    if (!this.step) return { ok: false, error: 'the lesson is at its quiz' };
    if (!this.isDone()) return { ok: false, error: 'this step is not done yet' };
    this.index++;
    this.begin();
    return { ok: true };
  }

  /** Back to where the previous step began (from the quiz: where the last step began). */
  back(): { ok: boolean; error?: string } {
    const to = this.index - 1;
    const start = this.starts[to];
    if (to < 0 || !start) return { ok: false, error: 'this is the first step' };
    this.session.seekMoment(start.moment);
    this.session.dropFuture();
    this.index = to;
    this.starts.length = to + 1;
    this.events = [];
    this.pausedAt = null;
    this.doneSeen = false;
    this.startedAt = start.moment.at;
    // The mark goes back with the steps: the latest marking step up to this one, if any.
    this.markAt = null;
    for (let i = 0; i <= to; i++) {
      if (this.lesson.steps[i].mark) this.markAt = this.starts[i]?.moment.at ?? null;
    }
    this.models = start.models;
    this.setRunning(start.running);
    return { ok: true };
  }

  /** The step's Show me commands, dispatched in order through the session. */
  showMe(): { ok: boolean; error?: string } {
    const commands = this.step?.showMe;
    if (!commands) return { ok: false, error: 'this step has nothing to show' };
    for (const command of commands) {
      const result = this.session.dispatch(command);
      if (!result.ok) return { ok: false, error: result.error.message };
    }
    return { ok: true };
  }

  status(engine: Engine, view = engine.view()): LessonStatus {
    const step = this.step;
    const ctx = this.context(engine, view);
    if (step && !this.doneSeen) this.doneSeen = isStepDone(step, ctx);
    return {
      id: this.lesson.id,
      step: this.index,
      steps: this.lesson.steps.length,
      phase: step ? 'step' : 'quiz',
      done: step ? this.doneSeen : true,
      values: step?.values ? step.values(ctx) : {},
      running: this.running,
      runRevision: this.runRevision,
      pausedAt: this.pausedAt,
      markAt: this.markAt,
      models: this.models,
    };
  }
}

/** What the lesson list shows. */
export function lessonSummary(lesson: Lesson): LessonSummary {
  return {
    id: lesson.id,
    number: lesson.number,
    title: lesson.title,
    summary: lesson.summary,
    minutes: lesson.minutes,
    steps: lesson.steps.length,
  };
}

/** The lesson's texts, focus targets and quiz: everything the page shows that does not change. */
export function lessonContent(lesson: Lesson): LessonContent {
  return {
    ...lessonSummary(lesson),
    stepList: lesson.steps.map((s) => ({
      id: s.id,
      narration: s.narration,
      focus: s.focus ?? [],
      showMe: !!s.showMe,
    })),
    models: (lesson.models ?? []).map((m) => ({ id: m.id, title: m.title })),
    quiz: lesson.quiz,
  };
}
