// What this browser remembers of the course: how far each lesson got and whether it was
// completed, and whether the course was already offered on a first visit. Storage may be
// blocked (private windows, sandboxed frames): then nothing is remembered and nothing breaks.

export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LessonProgress {
  /** The furthest step reached (from 0). */
  step: number;
  steps: number;
  complete: boolean;
}

const KEY = 'kafka-sim.lessons';
const OFFERED = 'kafka-sim.lessons-offered';

export function lessonStorage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readProgress(storage: ProgressStorage | null): Record<string, LessonProgress> {
  try {
    const raw = storage?.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, LessonProgress>) : {};
  } catch {
    return {};
  }
}

/** Keep the furthest step and a completion once reached. */
export function rememberProgress(
  storage: ProgressStorage | null,
  id: string,
  progress: LessonProgress,
): void {
  const all = readProgress(storage);
  const old = all[id];
  const next: LessonProgress = {
    step: Math.max(progress.step, old?.step ?? 0),
    steps: progress.steps,
    complete: progress.complete || (old?.complete ?? false),
  };
  if (old && old.step === next.step && old.complete === next.complete) return;
  all[id] = next;
  try {
    storage?.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or blocked: progress is not remembered.
  }
}

/** The course is offered once per browser, never again after it was opened or declined. */
export function courseOffered(storage: ProgressStorage | null): boolean {
  try {
    return storage?.getItem(OFFERED) === '1' || Object.keys(readProgress(storage)).length > 0;
  } catch {
    return true;
  }
}

export function markCourseOffered(storage: ProgressStorage | null): void {
  try {
    storage?.setItem(OFFERED, '1');
  } catch {
    // Blocked: it may be offered again.
  }
}
