// Running a lesson's teaching models beside the engine: the lesson runner (in the worker) and the
// tests use these, so both feed the models the same way.
import type { SimEvent } from '../../engine';
import type { Lesson } from '../types';

export type ModelStates = Readonly<Record<string, unknown>>;

/** Each model's state before any event. */
export function initModels(lesson: Lesson): ModelStates {
  const states: Record<string, unknown> = {};
  for (const m of lesson.models ?? []) states[m.id] = m.init(lesson.scenario);
  return states;
}

/**
 * Feed the events the engine reported (in order; network traffic may be included, models ignore
 * what they do not use), then move every model to `now`.
 */
export function feedModels(
  lesson: Lesson,
  states: ModelStates,
  events: readonly SimEvent[],
  now: number,
): ModelStates {
  const models = lesson.models ?? [];
  if (models.length === 0) return states;
  const next: Record<string, unknown> = { ...states };
  for (const m of models) {
    let s = next[m.id];
    for (const e of events) if (!e.type.startsWith('net.')) s = m.onEvent(s, e);
    next[m.id] = m.advance(s, now);
  }
  return next;
}
