// The pure step logic of a lesson: is this step done, what does its narration say now, which
// event should pause the run. The worker runs it on what the engine reports; tests run it in Node.
import type { SimEvent } from '../engine';
import type { LessonStep, LocalText, StepContext } from './types';

export type Language = keyof LocalText;

/** A step without a `done` condition is read-only: Next is offered at once. */
export function isStepDone(step: LessonStep, ctx: StepContext): boolean {
  return step.done ? step.done(ctx) : true;
}

/** The first event (of `events`) at which the step wants the run paused, or null. */
export function pauseEvent(step: LessonStep, events: readonly SimEvent[]): SimEvent | null {
  if (!step.pauseOn) return null;
  for (const e of events) if (step.pauseOn(e)) return e;
  return null;
}

/** The first event (of `events`) at which a paused run should resume for this step, or null. */
export function resumeEvent(step: LessonStep, events: readonly SimEvent[]): SimEvent | null {
  if (!step.resumeOn) return null;
  for (const e of events) if (step.resumeOn(e)) return e;
  return null;
}

/** Fill {{name}} placeholders from the live values; an unknown name stays visible as "?". */
export function fillText(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) =>
    name in values ? String(values[name]) : '?',
  );
}

/** The step's narration in `lang`, with its numbers read from the live state. */
export function narration(step: LessonStep, lang: Language, ctx: StepContext): string {
  return fillText(step.narration[lang], step.values ? step.values(ctx) : {});
}

/**
 * The length budget of a narration: about 80 English words, or the same reading time in Chinese
 * (160 characters, a Latin word such as "Leader" or "offset" counting as one).
 */
export const NARRATION_BUDGET: Record<Language, number> = { en: 80, 'zh-CN': 160 };

/** A narration's length in the units of its budget: words, or CJK characters plus Latin words. */
export function narrationLength(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.replace(/[\u3400-\u9fff]/g, ' ').match(/[A-Za-z0-9_.=-]+/g)?.length ?? 0;
  return cjk + latin;
}
