// The course: each lesson a button named by its title, with what it teaches, the time it takes
// and how far this browser got.
import { useSimStore, useSimulator, useSim } from '../../app/SimulatorProvider';
import { lessonStorage, readProgress } from '../../app/lessonProgress';
import { startLesson } from '../../app/lessonSlice';
import { Dialog } from '../dialogs/Dialog';
import { useT } from '../hooks';
import { useLocal } from './useLessonLanguage';

export function LessonListDialog() {
  const t = useT();
  const local = useLocal();
  const store = useSimStore();
  const { client } = useSimulator();
  const course = useSim((s) => s.course);
  const progress = readProgress(lessonStorage());
  return (
    <Dialog title={t('lessons.listTitle')} wide>
      <p>{t('lessons.listIntro')}</p>
      {!course && <p className="muted">{t('app.starting')}</p>}
      <ol className="lesson-list">
        {course?.map((lesson) => {
          const p = progress[lesson.id];
          const state = p?.complete
            ? t('lessons.progressDone')
            : p
              ? t('lessons.progressStep', { step: p.step + 1, steps: p.steps })
              : t('lessons.progressNew');
          const describedBy = `lesson-about-${lesson.id}`;
          return (
            <li key={lesson.id} className={p?.complete ? 'complete' : undefined}>
              <button
                type="button"
                className="button lesson-title"
                aria-describedby={describedBy}
                onClick={() => void startLesson(client, store, lesson.id)}
              >
                {local(lesson.title)}
              </button>
              <div id={describedBy} className="lesson-about">
                <p>{local(lesson.summary)}</p>
                <p className="muted">
                  {t('lessons.minutes', { count: lesson.minutes })} · {state}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
