// Every engine event in plain words, newest first, filterable by kind. A line that names a thing
// (a partition, a broker, a group…) is a button that shows it in the inspector.
import { memo } from 'react';
import type { LogEntry } from '../../app/eventLog';
import { describeEvent, eventInfo, EVENT_CATEGORIES } from '../../app/eventText';
import { useEventLog, useSimulator } from '../../app/SimulatorProvider';
import type { Selection, SimState } from '../../app/store';
import { useT } from '../hooks';
import { useSelect } from '../scene/selection';
import { LogTime } from '../timeline/LogTime';

export function EventLog() {
  const t = useT();
  const { log } = useSimulator();
  const entries = useEventLog((s) => s.entries);
  const filters = useEventLog((s) => s.filters);
  const shown = entries.filter((e) => filters[e.category]);
  return (
    <section className="panel event-log" aria-label={t('eventLog.region')}>
      <div className="panel-head">
        <h2>{t('eventLog.region')}</h2>
        <button type="button" className="button quiet small" onClick={() => log.clear()}>
          {t('eventLog.clear')}
        </button>
      </div>
      <fieldset className="log-filters">
        <legend>{t('eventLog.filters')}</legend>
        {EVENT_CATEGORIES.map((category) => (
          <label key={category} className={`chip cat-${category}`}>
            <input
              type="checkbox"
              checked={filters[category]}
              onChange={(e) => log.setFilter(category, e.target.checked)}
            />
            {t(`eventLog.category.${category}`)}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p className="muted">{t('eventLog.empty')}</p>
      ) : (
        <ol className="log-lines">
          {[...shown].reverse().map((entry) => (
            <LogLine key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Producers and consumers share the client-id space: find which one the id names. */
function resolve(s: SimState, selection: Selection): Selection {
  if (
    selection.kind === 'consumer' &&
    !(selection.id in s.consumers) &&
    selection.id in s.producers
  ) {
    return { kind: 'producer', id: selection.id };
  }
  return selection;
}

const LogLine = memo(function LogLine({ entry }: { entry: LogEntry }) {
  const t = useT();
  const { store } = useSimulator();
  const select = useSelect();
  const text = describeEvent(entry.event, t);
  const subject = eventInfo(entry.event).subject;
  return (
    <li className={`log-line cat-${entry.category}${entry.important ? ' important' : ''}`}>
      <LogTime entry={entry} />
      {subject ? (
        <button
          type="button"
          className="log-text link-button"
          onClick={() => select(resolve(store.getState(), subject))}
        >
          {text}
        </button>
      ) : (
        <span className="log-text">{text}</span>
      )}
      {entry.count > 1 && (
        <span className="log-count">{t('eventLog.repeated', { count: entry.count })}</span>
      )}
    </li>
  );
});
