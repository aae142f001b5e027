// The Metrics table (design.md 3.6, 3.9): Kafka's metric names as row headers, the value at the
// play head and its change since `Mark`; `Export` downloads every sample as CSV. It asks the
// worker for samples once a second while it is open (React renders at most once a second).
import { useEffect, useState } from 'react';
import type { MetricsHistory } from '../../engine';
import { metricRows, metricsCsv } from '../../app/metricsTable';
import { useSim, useSimulator } from '../../app/SimulatorProvider';
import { useT } from '../hooks';

const EMPTY: MetricsHistory = { columns: [], samples: [] };

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function MetricsPanel() {
  const t = useT();
  const { client, store } = useSimulator();
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState<MetricsHistory>(EMPTY);
  // In the store: a lesson step with `mark: true` sets it too (lessonSlice.ts).
  const mark = useSim((s) => s.metricsMark);
  const setMark = (at: number) => store.setState({ metricsMark: at });

  useEffect(() => {
    if (!open) return;
    let live = true;
    const refresh = () =>
      void client.metrics().then((h) => {
        if (live) setHistory(h);
      });
    refresh();
    const timer = setInterval(refresh, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [open, client]);

  const rows = metricRows(history, mark);
  const last = history.samples.at(-1);
  const format = (v: number | null) => (v === null ? '–' : String(Math.round(v * 100) / 100));
  return (
    <section className="panel metrics-panel" aria-label={t('metrics.region')}>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h2>{t('metrics.region')}</h2>
        </summary>
        <div className="panel-head">
          <button
            type="button"
            className="button quiet small"
            onClick={() => setMark(last ? last.t : client.now)}
          >
            {t('metrics.mark')}
          </button>
          <button
            type="button"
            className="button quiet small"
            onClick={() =>
              void client.metrics().then((h) => download('kafka-sim-metrics.csv', metricsCsv(h)))
            }
          >
            {t('metrics.export')}
          </button>
        </div>
        <p className="muted">
          {mark === null ? t('metrics.noMark') : t('metrics.markedAt', { t: mark / 1000 })}
        </p>
        {rows.length === 0 ? (
          <p className="muted">{t('metrics.empty')}</p>
        ) : (
          <table className="metrics-table">
            <thead>
              <tr>
                <th scope="col">{t('metrics.metric')}</th>
                <th scope="col">{t('metrics.entity')}</th>
                <th scope="col">{t('metrics.value')}</th>
                <th scope="col">{t('metrics.change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" title={t(`metrics.meaning.${r.metric}`)}>
                    {r.metric}
                  </th>
                  <td>{r.scope === 'cluster' ? t('metrics.cluster') : `${r.scope} ${r.entity}`}</td>
                  <td>{format(r.value)}</td>
                  <td>
                    {r.change === null
                      ? ''
                      : r.change > 0
                        ? `+${format(r.change)}`
                        : format(r.change)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}
