// The Metrics table and the CSV export, from the engine's samples (design.md 3.9): rows read
// samples, nothing is recomputed. `Mark` remembers a sim time; the change is measured from the
// sample at or just before it.
import { parseSeriesId, type MetricsHistory } from '../engine';

export interface MetricRow {
  id: string;
  scope: string;
  entity: string;
  metric: string;
  value: number | null;
  /** value minus the value at the mark; null without a mark or a value there. */
  change: number | null;
}

const SCOPE_ORDER = ['cluster', 'controller', 'broker', 'producer', 'consumer', 'group', 'error'];

/** The latest value of every series (per-partition lag stays in the charts), with the change. */
export function metricRows(h: MetricsHistory, markT: number | null): MetricRow[] {
  const last = h.samples.at(-1);
  if (!last) return [];
  let marked: MetricsHistory['samples'][number] | undefined;
  if (markT !== null) for (const s of h.samples) if (s.t <= markT) marked = s;
  const rows: MetricRow[] = [];
  h.columns.forEach((id, i) => {
    const parsed = parseSeriesId(id);
    if (!parsed || !SCOPE_ORDER.includes(parsed.scope)) return;
    if (parsed.metric === 'batch-count' || parsed.metric === 'batch-bytes') return;
    const value = last.v[i] ?? null;
    const before = marked ? (marked.v[i] ?? null) : null;
    const change = value !== null && before !== null ? value - before : null;
    rows.push({ id, ...parsed, value, change });
  });
  return rows.sort((a, b) => SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope));
}

/** RFC 4180 CSV: a header row `t_ms,<series...>`, one row per sample. */
export function metricsCsv(h: MetricsHistory): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['t_ms', ...h.columns].map(quote).join(',')];
  for (const s of h.samples) {
    const cells = [String(s.t)];
    for (let i = 0; i < h.columns.length; i++) cells.push(s.v[i] == null ? '' : String(s.v[i]));
    lines.push(cells.join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
