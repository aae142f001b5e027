// The time of an event log line, as a button that moves the play head to that event (right
// after it, at its place in the history when the worker gave one).
import type { LogEntry } from '../../app/eventLog';
import { useSimClient } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

export function LogTime({ entry }: { entry: LogEntry }) {
  const t = useT();
  const client = useSimClient();
  const seconds = (entry.event.t / 1000).toFixed(1);
  const goTo = () => {
    const at = entry.event.t;
    void client.seek(
      entry.place ? { kind: 'moment', position: entry.place.position, at } : { kind: 'time', at },
    );
  };
  return (
    <button
      type="button"
      className="log-time log-time-button"
      aria-label={t('timeline.logGoTo', { seconds })}
      title={t('timeline.logGoTo', { seconds })}
      onClick={goTo}
    >
      {seconds}
    </button>
  );
}
