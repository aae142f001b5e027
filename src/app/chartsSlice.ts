// The charts slice: whether the Charts panel is open, and the Metrics mark (the sim time the
// Metrics table's change column counts from; `Mark` sets it, and so does a lesson step with
// `mark: true` when it begins).
export interface ChartsState {
  chartsOpen: boolean;
  /** Sim ms of the mark (null: none). */
  metricsMark: number | null;
}

export function initialChartsState(): ChartsState {
  return { chartsOpen: false, metricsMark: null };
}

/** A new scenario: a mark in the old one means nothing. */
export function chartsOnLoad(): Partial<ChartsState> {
  return { metricsMark: null };
}
