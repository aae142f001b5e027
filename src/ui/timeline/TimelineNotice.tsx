// "You changed the past…" / "Started again…" with an Undo button: the one way back from a fork
// (a command given in the past dropped the recorded future) and from Reset.
import { useSim, useSimClient, useSimStore } from '../../app/SimulatorProvider';
import { undoNotice } from '../../app/timelineActions';
import { useT } from '../hooks';

export function TimelineNotice() {
  const t = useT();
  const store = useSimStore();
  const client = useSimClient();
  const notice = useSim((s) => s.timelineNotice);
  return (
    <div className="timeline-notice-slot" role="status">
      {notice && (
        <div className="timeline-notice" key={notice.id}>
          <span>
            {t(notice.kind === 'fork' ? 'timeline.forked' : 'timeline.resetDone', {
              seconds: (notice.at / 1000).toFixed(1),
            })}
          </span>
          <button
            type="button"
            className="button primary small"
            onClick={() => void undoNotice(client, store)}
          >
            {t('timeline.undo')}
          </button>
          <button
            type="button"
            className="button quiet small"
            onClick={() => store.setState({ timelineNotice: null })}
          >
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
