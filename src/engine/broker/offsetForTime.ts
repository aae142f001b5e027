// ListOffsets by timestamp (KIP-79, what kafka-consumer-groups --to-datetime asks for): the
// earliest offset in the log whose record timestamp is at or after `ts`, among the records a
// consumer may read (below the high watermark); none: the high watermark (the log end).
import type { LogState } from '../sim/world';
import { allBatches, recordsFrom } from './log';

export function offsetForTime(log: LogState, ts: number): number {
  return offsetAtOrAfterTime(log, ts) ?? log.hw;
}

/** The earliest readable offset whose record timestamp is at or after `ts`, or null if none. */
export function offsetAtOrAfterTime(log: LogState, ts: number): number | null {
  for (const batch of allBatches(log)) {
    if (batch.maxTs < ts) continue;
    const from = Math.max(batch.baseOffset, log.logStartOffset);
    for (const r of recordsFrom(log, from, batch.count)) {
      if (r.batch !== batch || r.offset >= log.hw) break;
      if (r.record.ts >= ts) return r.offset;
    }
  }
  return null;
}
