// Acknowledged records that a truncation removed: each counted once per record (several replicas
// may truncate away the same one), kept per partition so the picture can show where they were,
// and charged to the producer that had been told they were written.
import type { Sim } from '../sim/sim';
import { tpKey } from '../sim/ids';
import type { LostRecord } from '../sim/world';
import type { TruncatedRecord } from './log';
import { chargeExternalLoss } from '../client/externalPicture';

/** Enough to show a burst of loss where it happened without keeping history forever. */
const KEPT_PER_PARTITION = 200;

export function noteLostRecords(
  sim: Sim,
  topic: string,
  partition: number,
  removed: TruncatedRecord[],
): void {
  if (removed.length === 0) return;
  const w = sim.world;
  const all = (w.lostRecords ??= {});
  const key = tpKey(topic, partition);
  const kept = (all[key] ??= []);
  for (const r of removed) {
    // A record is one offset written in one leader epoch (no two leaders write the same one).
    if (kept.some((l) => l.offset === r.offset && l.epoch === r.epoch)) continue;
    kept.push({
      offset: r.offset,
      epoch: r.epoch,
      key: r.record.key,
      producer: r.record.producer,
      t: sim.now,
    });
    const p = r.record.producer === null ? undefined : w.producers[r.record.producer];
    if (p) p.stats.lostAcked = (p.stats.lostAcked ?? 0) + 1;
    else if (r.record.producer !== null) chargeExternalLoss(sim, r.record.producer);
  }
  if (kept.length > KEPT_PER_PARTITION) kept.splice(0, kept.length - KEPT_PER_PARTITION);
}

/** The partition's lost records, oldest first, for the view. */
export function lostRecordsOf(sim: Sim, topic: string, partition: number): LostRecord[] {
  return sim.world.lostRecords?.[tpKey(topic, partition)] ?? [];
}
