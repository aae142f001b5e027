// Lost acknowledged records on show (design.md 4: data loss is shown where it happened): the
// engine lists each partition's lost records; the person may dismiss them, partition by
// partition. What is left is drawn on the strip and named in the data-loss notice.
import type { LostRecordView } from '../engine';
import type { SimState } from './store';

export interface LossOnShow {
  partition: string;
  records: LostRecordView[];
  /** The newest loss among them (dismissing hides everything up to it). */
  latest: number;
}

/** The lost records of one partition that have not been dismissed. */
export function lossOnShow(state: SimState, partition: string): LostRecordView[] {
  const lost = state.partitions[partition]?.lostRecords ?? [];
  const dismissed = state.dismissedLoss[partition] ?? -1;
  return lost.filter((r) => r.t > dismissed);
}

/** Every partition with lost records on show, in partition order. */
export function lossesOnShow(state: SimState): LossOnShow[] {
  const out: LossOnShow[] = [];
  for (const key of state.partitionKeys) {
    const records = lossOnShow(state, key);
    if (records.length === 0) continue;
    out.push({ partition: key, records, latest: Math.max(...records.map((r) => r.t)) });
  }
  return out;
}

/** The person dismissed a partition's notice: what it showed goes from the strip too. */
export function dismissLoss(state: SimState, loss: LossOnShow): Partial<SimState> {
  return { dismissedLoss: { ...state.dismissedLoss, [loss.partition]: loss.latest } };
}
