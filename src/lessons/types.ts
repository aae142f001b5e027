// The lesson format (design.md 3.8). A lesson is data: texts in both languages, the world it
// starts from, and ordered steps of one idea each. Whatever a step needs to know about the
// world (is it done? what numbers does the narration show?) is a pure function of what the
// engine reported since the step began, so the step logic runs the same in Node tests and in
// the worker, and replays exactly under the timeline.
import type { ClusterView, Command, Scenario, SimEvent } from '../engine';

/** A text in both first-class languages. Narration may hold {{name}} placeholders (see `values`). */
export interface LocalText {
  en: string;
  'zh-CN': string;
}

/** Something on the scene to highlight and bring into view. */
export type FocusTarget =
  | { kind: 'broker'; id: number }
  | { kind: 'topic'; name: string }
  /** "orders-0" */
  | { kind: 'partition'; key: string }
  | { kind: 'replica'; key: string; brokerId: number }
  | { kind: 'producer'; id: string }
  | { kind: 'group'; id: string }
  | { kind: 'consumer'; id: string }
  /** The lesson's teaching model beside the cluster (e.g. the classic push queue of lesson 2). */
  | { kind: 'model'; id: string };

/** What a step's functions see: the world now, and what happened since the step began. */
export interface StepContext {
  view: ClusterView;
  /** Engine events since the step began (network traffic left out), oldest first. */
  events: readonly SimEvent[];
  /** Sim ms when the step began. */
  startedAt: number;
  /** The state of each of the lesson's teaching models now, by model id (see `TeachingModel`). */
  models?: Readonly<Record<string, unknown>>;
}

export interface Choice {
  text: LocalText;
  correct: boolean;
  /** Why this choice is right or wrong: shown after the learner picks it. */
  explanation: LocalText;
}

export interface Question {
  prompt: LocalText;
  choices: Choice[];
}

export interface LessonStep {
  /** Stable within the lesson (progress is remembered by it). */
  id: string;
  /** Short (at most about 80 words): the picture does the explaining. */
  narration: LocalText;
  /** Live numbers for the narration's {{placeholders}} (offsets, epochs, leaders...). */
  values?: (ctx: StepContext) => Record<string, string | number>;
  focus?: FocusTarget[];
  /**
   * What the learner must make happen (or wait to see) before Next is offered. Absent: the
   * step is read-only and Next is offered at once.
   */
  done?: (ctx: StepContext) => boolean;
  /** The commands `Show me` dispatches, in order, instead of the learner. */
  showMe?: Command[];
  /**
   * Pause the run at the first event that matches, so the moment that matters stays on screen.
   * Checked event by event, so the pause lands exactly on it.
   */
  pauseOn?: (event: SimEvent) => boolean;
  /**
   * While the run is paused, resume it at the first event that matches: typically the
   * learner's own command (`command.applied`) in a step that begins paused at the moment that
   * matters ("kill it now"), so the action lands on that moment and the run then shows its
   * consequences. Checked event by event, like `pauseOn`.
   */
  resumeOn?: (event: SimEvent) => boolean;
  /** Run (paused or not) when the step begins; default: keep the current state. */
  play?: boolean;
  /** Set the metrics mark when the step begins (deltas in the Metrics table start here). */
  mark?: boolean;
}

/**
 * A small deterministic model run beside the cluster to contrast Kafka with something else (e.g.
 * lesson 2's classic push queue). It is not Kafka and is labelled as a teaching model wherever it
 * is drawn. It is fed the engine's events in order (network traffic left out) and moved to the
 * play head by `advance`; its state is plain data, so the runner can keep it with each step's
 * starting point for Back. Pure: the same events give the same state.
 */
export interface TeachingModel<S = unknown> {
  /** Stable within the lesson; focus targets and `StepContext.models` use it. */
  id: string;
  /** The label drawn with it, saying plainly that it is a teaching model. */
  title: LocalText;
  /** The state before any event, from the lesson's scenario. */
  init(scenario: Scenario): S;
  /** One engine event (in order); the model's own time first moves to `event.t`. */
  onEvent(state: S, event: SimEvent): S;
  /** Move the model's own timers up to sim time `now` (between engine events). */
  advance(state: S, now: number): S;
}

export interface Lesson {
  /** Stable, kebab-case: the URL (`?lesson=`) and remembered progress use it. */
  id: string;
  /** Position in the course, from 1. */
  number: number;
  title: LocalText;
  /** One or two sentences for the lesson list: what the learner will see and do. */
  summary: LocalText;
  /** Kafka ideas taught, as glossary terms in English (for the list and the catalogue test). */
  concepts: string[];
  /** Estimated time to complete, in minutes (3 to 8). */
  minutes: number;
  /** The world the lesson starts from (usually classroom preset, paused). */
  scenario: Scenario;
  steps: LessonStep[];
  /** Teaching models run beside the cluster for this lesson (most lessons have none). */
  models?: TeachingModel[];
  /** Two or three questions the simulation has just answered, at the end. */
  quiz: Question[];
}
