// The header's `Lessons` button, and on a first visit a quiet offer beside it (once per browser:
// opening the list or declining it ends the offer for good).
import { useState } from 'react';
import { useSimStore, useSimulator } from '../../app/SimulatorProvider';
import { courseOffered, lessonStorage, markCourseOffered } from '../../app/lessonProgress';
import { loadCourse } from '../../app/lessonSlice';
import { useSim } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

export function LessonsButton() {
  const t = useT();
  const store = useSimStore();
  const { client } = useSimulator();
  const presenter = useSim((s) => s.presenter);
  const inLesson = useSim((s) => s.lesson !== null);
  const [offer, setOffer] = useState(() => !courseOffered(lessonStorage()));
  const open = () => {
    markCourseOffered(lessonStorage());
    setOffer(false);
    void loadCourse(client, store);
    store.setState({ dialog: { kind: 'lessons' } });
  };
  return (
    <span className="lessons-entry">
      <button type="button" className="button lessons-button" onClick={open}>
        <span aria-hidden="true" className="icon">
          ◆
        </span>{' '}
        {t('lessons.button')}
      </button>
      {offer && !presenter && !inLesson && (
        <span className="lessons-offer" role="note">
          {t('lessons.offer')}{' '}
          <button type="button" className="link-button" onClick={open}>
            {t('lessons.offerOpen')}
          </button>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              markCourseOffered(lessonStorage());
              setOffer(false);
            }}
          >
            {t('lessons.offerDismiss')}
          </button>
        </span>
      )}
    </span>
  );
}
