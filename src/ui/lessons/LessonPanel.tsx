// A running lesson: the region `Lesson` with the step's narration (its numbers read live from the
// cluster), Back, Show me, Next and Exit lesson; after the last step the quiz, each choice
// explained once picked, then `Lesson complete`. Teaching models are drawn beside it.
import { useEffect, useRef } from 'react';
import './lessons.css';
import { useSim, useSimStore, useSimulator } from '../../app/SimulatorProvider';
import { lessonStorage, rememberProgress } from '../../app/lessonProgress';
import { lessonControl, quizComplete, startLesson, type LessonState } from '../../app/lessonSlice';
import { fillText } from '../../lessons/steps';
import { useT } from '../hooks';
import { TeachingModels } from './TeachingModels';
import { useLocal } from './useLessonLanguage';

type Running = NonNullable<LessonState['lesson']>;

export function LessonPanel() {
  const t = useT();
  const local = useLocal();
  const lesson = useSim((s) => s.lesson);
  const store = useSimStore();
  const { client } = useSimulator();
  const narrationRef = useRef<HTMLDivElement>(null);
  const stepIndex = lesson?.status?.step ?? 0;
  // A new step: bring the narration into reading position for keyboard and screen-reader users.
  useEffect(() => {
    narrationRef.current?.scrollTo?.({ top: 0 });
  }, [stepIndex]);
  if (!lesson) return null;
  const { content, status } = lesson;
  const control = (action: Parameters<typeof lessonControl>[2]) =>
    void lessonControl(client, store, action);
  const step = status && status.phase === 'step' ? content.stepList[status.step] : null;
  const done = status?.done ?? false;
  return (
    <section className="lesson-panel" aria-label={t('lessons.region')}>
      <div className="lesson-main">
        <h2 className="lesson-heading">
          {t('lessons.heading', { number: content.number, title: local(content.title) })}
          <span className="lesson-step-count">
            {status?.phase === 'quiz'
              ? t('lessons.quizHeading')
              : t('lessons.stepOf', { step: stepIndex + 1, steps: content.steps })}
          </span>
        </h2>
        <div className="lesson-narration" ref={narrationRef}>
          {step && status ? (
            <>
              <p aria-live="polite">{fillText(local(step.narration), status.values)}</p>
              <p className="lesson-hint muted">
                {done
                  ? status.pausedAt !== null
                    ? t('lessons.pausedHere')
                    : ''
                  : step.showMe
                    ? t('lessons.waiting')
                    : t('lessons.watching')}
              </p>
            </>
          ) : status?.phase === 'quiz' ? (
            <Quiz lesson={lesson} />
          ) : null}
        </div>
      </div>
      {content.models.length > 0 && status && <TeachingModels lesson={lesson} />}
      <div className="lesson-controls">
        <button
          type="button"
          className="button"
          disabled={!status || stepIndex === 0}
          onClick={() => control('back')}
        >
          {t('lessons.back')}
        </button>
        {step?.showMe && (
          <button
            type="button"
            className="button"
            disabled={done}
            onClick={() => control('showMe')}
          >
            {t('lessons.showMe')}
          </button>
        )}
        {status?.phase !== 'quiz' && (
          <button
            type="button"
            className="button primary"
            disabled={!done}
            onClick={() => control('next')}
          >
            {t('lessons.next')}
          </button>
        )}
        <button type="button" className="button quiet" onClick={() => control('exit')}>
          {t('lessons.exit')}
        </button>
      </div>
    </section>
  );
}

function Quiz({ lesson }: { lesson: Running }) {
  const t = useT();
  const local = useLocal();
  const store = useSimStore();
  const { client } = useSimulator();
  const course = useSim((s) => s.course);
  const { content, answers } = lesson;
  const complete = quizComplete(lesson);
  const completeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (complete) {
      // The quiz scrolls inside the panel: show the learner that the lesson is over.
      completeRef.current?.scrollIntoView?.({ block: 'nearest' });
      rememberProgress(lessonStorage(), content.id, {
        step: content.steps,
        steps: content.steps,
        complete: true,
      });
    }
  }, [complete, content.id, content.steps]);
  const pick = (question: number, choice: number) => {
    const current = store.getState().lesson;
    if (!current) return;
    const next = [...current.answers];
    next[question] = choice;
    store.setState({ lesson: { ...current, answers: next } });
  };
  const following = course?.find((l) => l.number === content.number + 1);
  return (
    <div className="lesson-quiz">
      {content.quiz.map((q, qi) => {
        const picked = answers[qi];
        const choice = picked !== null ? q.choices[picked] : null;
        const name = `quiz-${content.id}-${qi}`;
        return (
          <fieldset key={name} className="quiz-question">
            <legend>{local(q.prompt)}</legend>
            <div className="quiz-choices">
              {q.choices.map((c, ci) => (
                <button
                  key={ci}
                  type="button"
                  className={`button quiz-choice${picked === ci ? (c.correct ? ' right' : ' wrong') : ''}`}
                  aria-pressed={picked === ci}
                  onClick={() => pick(qi, ci)}
                >
                  {local(c.text)}
                </button>
              ))}
            </div>
            {choice && (
              <p className={choice.correct ? 'quiz-explain right' : 'quiz-explain wrong'}>
                <strong>{choice.correct ? t('lessons.correct') : t('lessons.wrong')}</strong>{' '}
                {local(choice.explanation)}
              </p>
            )}
          </fieldset>
        );
      })}
      {complete && (
        <p role="status" className="lesson-complete" ref={completeRef}>
          <strong>{t('lessons.complete')}</strong>
          {following && (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void startLesson(client, store, following.id)}
              >
                {t('lessons.nextLesson', { title: local(following.title) })}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
