// The lesson slice: the lesson being played (its texts, from the worker once, and the runner's
// status, from every frame), the quiz answers given, and the course list once asked for. The
// runner lives in the worker (src/worker/lessonRunner.ts); the page shows it and follows its
// wish to run or pause (the page has the clock).
import type { LessonAction, LessonContent, LessonStatus, LessonSummary } from '../worker/protocol';
import type { FrameListener, SimClient } from './client';
import { rememberProgress, type ProgressStorage } from './lessonProgress';
import type { SimStore } from './store';

export interface LessonState {
  /** The lesson on show (null: free play). */
  lesson: {
    content: LessonContent;
    status: LessonStatus | null;
    /** The choice picked for each quiz question (null: none yet). */
    answers: (number | null)[];
  } | null;
  /** The course, once the list was opened. */
  course: LessonSummary[] | null;
}

export function initialLessonState(): LessonState {
  return { lesson: null, course: null };
}

/** A plain load (another scenario) ends the lesson: handled by the frame listener below. */
export function lessonOnLoad(): Partial<LessonState> {
  return {};
}

/** Whether every quiz question has an answer: the lesson is complete. */
export function quizComplete(lesson: NonNullable<LessonState['lesson']>): boolean {
  return (
    lesson.status?.phase === 'quiz' &&
    lesson.answers.length === lesson.content.quiz.length &&
    lesson.answers.every((a) => a !== null)
  );
}

/** Frames -> the slice; the runner's run/pause wish -> playback. */
export function followLesson(
  client: SimClient,
  store: SimStore,
  storage: ProgressStorage | null,
): FrameListener {
  let revision = -1;
  let markAt: number | null = null;
  return (frame, { wall }) => {
    const state = store.getState();
    const status = frame.lesson;
    if (!status) {
      if (frame.cause === 'load' && state.lesson) store.setState({ lesson: null });
      return;
    }
    const lesson = state.lesson;
    if (!lesson || lesson.content.id !== status.id) return;
    if (frame.cause === 'load') {
      revision = -1;
      markAt = null;
    }
    store.setState({ lesson: { ...lesson, status } });
    // A step with `mark: true` began: the Metrics table's change counts from there.
    if (status.markAt !== markAt) {
      markAt = status.markAt;
      if (markAt !== null) store.setState({ metricsMark: markAt });
    }
    if (status.runRevision !== revision) {
      revision = status.runRevision;
      client.setPlaying(status.running);
      // Paused on an event: the clock stands where the engine stopped, not where it was asked.
      if (!status.running) client.pacer.reset(frame.now, wall);
    }
    rememberProgress(storage, status.id, {
      step: status.step,
      steps: status.steps,
      complete: false,
    });
  };
}

/** Start a lesson: its world loads, its first step begins. */
export async function startLesson(client: SimClient, store: SimStore, id: string): Promise<void> {
  const result = await client.startLesson(id);
  if (!result.ok) {
    store.setState({ error: result.error });
    return;
  }
  store.setState({
    dialog: null,
    lesson: {
      content: result.lesson,
      status: null,
      answers: result.lesson.quiz.map(() => null),
    },
  });
}

export async function lessonControl(
  client: SimClient,
  store: SimStore,
  action: LessonAction,
): Promise<void> {
  if (action === 'exit') store.setState({ lesson: null });
  const result = await client.lessonControl(action);
  if (!result.ok && action !== 'exit') store.setState({ error: result.error ?? null });
}

/** The course list (asked once). */
export async function loadCourse(client: SimClient, store: SimStore): Promise<void> {
  if (store.getState().course) return;
  store.setState({ course: await client.lessons() });
}
