// What the Charts panel and the group cards draw, read from the engine's metric samples
// (design.md 3.9: charts read samples, they never recompute what the engine measured). Pure:
// samples in, series out, so it is tested in Node.
import { parseSeriesId, type MetricsHistory } from '../engine';

/** One line: a name (Kafka's metric or the entity it belongs to) and a value per sample. */
export interface ChartLine {
  id: string;
  /** Kafka's metric name, or the group / partition / error name the line stands for. */
  label: string;
  /** One value per sample of `ChartData.t` (null: no value then). */
  values: (number | null)[];
  /** Drawn dashed (a reference line, e.g. the replica count the ISR would have when healthy). */
  dashed?: boolean;
  /** Per-partition detail of a group's lag: drawn only when the group is expanded. */
  detailOf?: string;
}

export interface ChartData {
  /** Sample times (sim ms, the end of the second each covers). */
  t: number[];
  lag: ChartLine[];
  rates: ChartLine[];
  isr: ChartLine[];
  errors: ChartLine[];
}

export type ChartKind = 'lag' | 'rates' | 'isr' | 'errors';
export const CHART_KINDS: ChartKind[] = ['lag', 'rates', 'isr', 'errors'];

function column(h: MetricsHistory, i: number): (number | null)[] {
  return h.samples.map((s) => s.v[i] ?? null);
}

/** The sum over several columns, sample by sample (null where none of them has a value). */
function sumColumns(h: MetricsHistory, columns: number[]): (number | null)[] {
  return h.samples.map((s) => {
    let sum: number | null = null;
    for (const i of columns) {
      const v = s.v[i];
      if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

export function chartData(h: MetricsHistory): ChartData {
  const at = (id: string) => h.columns.indexOf(id);
  const line = (id: string, label: string, extra: Partial<ChartLine> = {}): ChartLine[] => {
    const i = at(id);
    return i < 0 ? [] : [{ id, label, values: column(h, i), ...extra }];
  };
  const lag: ChartLine[] = [];
  const partitions: ChartLine[] = [];
  const errors: ChartLine[] = [];
  const consumed: number[] = [];
  h.columns.forEach((id, i) => {
    const p = parseSeriesId(id);
    if (!p) return;
    if (p.scope === 'group' && p.metric === 'records-lag') {
      lag.push({ id, label: p.entity, values: column(h, i) });
    } else if (p.scope === 'partition' && p.metric === 'records-lag') {
      const slash = p.entity.indexOf('/');
      partitions.push({
        id,
        label: p.entity.slice(slash + 1),
        values: column(h, i),
        detailOf: p.entity.slice(0, slash),
      });
    } else if (p.scope === 'error' && p.metric === 'produce-errors') {
      errors.push({ id, label: p.entity, values: column(h, i) });
    } else if (p.scope === 'consumer' && p.metric === 'records-consumed-rate') {
      consumed.push(i);
    }
  });
  const rates = [
    ...line('cluster||MessagesInPerSec', 'MessagesInPerSec'),
    ...(consumed.length > 0
      ? [
          {
            id: 'consumer|*|records-consumed-rate',
            label: 'records-consumed-rate',
            values: sumColumns(h, consumed),
          },
        ]
      : []),
  ];
  const isr = [
    ...line('cluster||InSyncReplicasCount', 'InSyncReplicasCount'),
    ...line('cluster||ReplicasCount', 'ReplicasCount', { dashed: true }),
    ...line('cluster||UnderReplicatedPartitions', 'UnderReplicatedPartitions'),
  ];
  return { t: h.samples.map((s) => s.t), lag: [...lag, ...partitions], rates, isr, errors };
}

/** The largest value of the lines drawn (for the y scale), at least 1. */
export function maxValue(lines: ChartLine[]): number {
  let max = 1;
  for (const l of lines) for (const v of l.values) if (v !== null && v > max) max = v;
  return max;
}

/** The value of each line at (or just before) sim time `at`: the hover read-out. */
export function valuesAt(
  data: ChartData,
  lines: ChartLine[],
  at: number,
): { t: number; rows: { label: string; value: number | null }[] } | null {
  let i = -1;
  for (let k = 0; k < data.t.length && data.t[k] <= at; k++) i = k;
  if (i < 0) return null;
  return { t: data.t[i], rows: lines.map((l) => ({ label: l.label, value: l.values[i] ?? null })) };
}

/**
 * A group's lag is growing when its `records-lag` rose over each of the last LAG_GROWTH_SAMPLES
 * samples, each compared with the sample LAG_GROWTH_SPAN samples before it. Comparing values 5 s
 * apart spans the default `auto.commit.interval.ms` (5000): the saw-tooth of periodic commits
 * (lag climbs between commits, drops at each) is not growth; a consumer falling behind is.
 */
export const LAG_GROWTH_SAMPLES = 5;
export const LAG_GROWTH_SPAN = 5;

export function lagGrowing(values: (number | null)[]): boolean {
  const n = values.length;
  if (n < LAG_GROWTH_SAMPLES + LAG_GROWTH_SPAN) return false;
  for (let i = n - LAG_GROWTH_SAMPLES; i < n; i++) {
    const now = values[i];
    const before = values[i - LAG_GROWTH_SPAN];
    if (now === null || before === null || !(now > before)) return false;
  }
  return true;
}

/** The last `n` values of group `id`'s `records-lag` (the group card's sparkline). */
export function groupLag(h: MetricsHistory, id: string, n: number): (number | null)[] {
  const i = h.columns.indexOf(`group|${id}|records-lag`);
  if (i < 0) return [];
  return h.samples.slice(-n).map((s) => s.v[i] ?? null);
}
