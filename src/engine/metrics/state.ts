// The engine's metric history: a ring of per-simulated-second samples, saved with the world
// (so a seek shows the history as it was at that moment). Columnar: each sample is an array of
// numbers in the order of `columns`, which only grows (a new entity adds its series at the end;
// older samples are shorter, missing = the entity did not exist yet).

/** At most this many samples are kept: 10 simulated minutes. Older ones are dropped. */
export const SAMPLE_CAP = 600;
/** Per-partition lag series are kept for this many group partitions in all (big scenes). */
export const PARTITION_LAG_CAP = 256;
/** The sampling period (sim ms). */
export const SAMPLE_PERIOD_MS = 1000;

export interface MetricSample {
  /** End of the second it covers (sim ms): events at [t - 1000, t) are counted in it. */
  t: number;
  /** One value per column; null when the entity existed before but not now, or no value
   * (an average with nothing to average). */
  v: (number | null)[];
}

export interface MetricsState {
  columns: string[];
  /** column id -> index in `columns`. */
  index: Record<string, number>;
  /** How many partition-lag columns exist (capped by PARTITION_LAG_CAP). */
  partitionColumns: number;
  samples: MetricSample[];
  /** The next second boundary to sample. */
  nextAt: number;
  /** Counters of the second being counted, by series id (and `...|latency-sum` style helpers). */
  counts: Record<string, number>;
  /** Per group: when its running rebalance started, completed rebalances and their total ms. */
  rebalances: Record<string, { startedAt: number | null; total: number; totalMs: number }>;
}

export function newMetricsState(now: number): MetricsState {
  return {
    columns: [],
    index: Object.create(null) as Record<string, number>,
    partitionColumns: 0,
    samples: [],
    nextAt: (Math.floor(now / SAMPLE_PERIOD_MS) + 1) * SAMPLE_PERIOD_MS,
    counts: Object.create(null) as Record<string, number>,
    rebalances: Object.create(null) as Record<
      string,
      { startedAt: number | null; total: number; totalMs: number }
    >,
  };
}
