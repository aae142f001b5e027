// The lesson's teaching models, drawn beside the cluster and labelled plainly as teaching models
// (not Kafka). Lesson 2's classic push queue: the messages waiting, each receiver with what was
// pushed to it (and what it never saw), and how many were deleted once acknowledged.
import type { PushQueueState } from '../../lessons/models/pushQueue';
import type { LessonState } from '../../app/lessonSlice';
import { useT } from '../hooks';
import { useLocal } from './useLessonLanguage';

type Running = NonNullable<LessonState['lesson']>;

/** How many waiting messages are drawn as chips (the rest as a count). */
const CHIPS = 12;

export function TeachingModels({ lesson }: { lesson: Running }) {
  const local = useLocal();
  const t = useT();
  const status = lesson.status;
  if (!status) return null;
  const focused = new Set(
    lesson.content.stepList[status.step]?.focus.flatMap((f) => (f.kind === 'model' ? [f.id] : [])),
  );
  return (
    <>
      {lesson.content.models.map((m) => {
        const state = status.models[m.id] as PushQueueState | undefined;
        // The lesson's own title says it is a teaching model; the tag says it again, visibly.
        const title = local(m.title);
        const label = title.toLowerCase().includes(t('lessons.teachingModel').toLowerCase())
          ? title
          : `${t('lessons.teachingModel')}: ${title}`;
        return (
          <section
            key={m.id}
            className={focused.has(m.id) ? 'teaching-model focused' : 'teaching-model'}
            aria-label={label}
          >
            <h3>
              {label === title ? (
                title
              ) : (
                <>
                  <span className="teaching-tag">{t('lessons.teachingModel')}</span> {title}
                </>
              )}
            </h3>
            <p className="muted small">{t('lessons.teachingModelNote')}</p>
            {state && <PushQueue state={state} />}
          </section>
        );
      })}
    </>
  );
}

function PushQueue({ state }: { state: PushQueueState }) {
  const t = useT();
  return (
    <div className="push-queue">
      <p>
        {t('lessons.queueEnqueued', { count: state.enqueued })} ·{' '}
        {t('lessons.queueWaiting', { count: state.ready.length })} ·{' '}
        <strong>{t('lessons.queueDeleted', { count: state.deleted })}</strong>
      </p>
      {state.ready.length > 0 && (
        <div className="queue-chips" aria-hidden="true">
          {state.ready.slice(0, CHIPS).map((m) => (
            <span key={m.id} className="queue-chip">
              {m.id}
            </span>
          ))}
          {state.ready.length > CHIPS && <span>+{state.ready.length - CHIPS}</span>}
        </div>
      )}
      <ul className="plain-list queue-receivers">
        {state.receivers.map((r) => (
          <li key={r.id}>
            {r.connected
              ? t('lessons.receiver', { id: r.id, received: r.received })
              : t('lessons.receiverOffline', { id: r.id })}
            {r.inHand && <span className="queue-chip in-hand">{r.inHand.message.id}</span>}
            {r.deletedBeforeJoin > 0 && (
              <span className="queue-missed">
                {' '}
                {t('lessons.receiverMissed', { id: r.id, count: r.deletedBeforeJoin })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
