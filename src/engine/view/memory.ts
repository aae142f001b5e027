// What the session's world retains, in estimated heap bytes (issue 16, docs/engine.md "Budgets"):
// counted from numbers the logs keep (offsets, the live batch count, the encoded size), so it
// costs a pass over the logs, never over their records, and is the same on every run.
//
// Replicas of a partition share their batch objects (a follower appends the leader's batches),
// so a partition costs what its largest replica holds, not the sum of its replicas.
import type { Batch, LogState, World } from '../sim/world';
import type { EngineMemory } from '../types';

/**
 * Heap bytes per stored record beyond its encoded size: its three cells in the batch's packed
 * array (key, value, timestamp delta) and the header of its value string. Measured in Node 20
 * (8-byte slots; bench/long.bench.ts prints the estimate beside the heap): docs/engine.md
 * "Budgets".
 */
export const RECORD_HEAP_BYTES = 35;
/**
 * Heap bytes per stored batch: the batch object (13 fields), its packed array's headers, its
 * slot in each replica's log and its share of the segments. Measured over 132 simulated hours
 * of the default scene, where a batch holds one or two records.
 */
const BATCH_HEAP_BYTES = 160;

/** The estimated heap bytes of one stored batch and its records. */
export function batchHeapBytes(batch: Batch): number {
  // A real client's batch also keeps its bytes as sent (base64 text, a byte per character).
  return (
    BATCH_HEAP_BYTES + batch.count * RECORD_HEAP_BYTES + batch.bytes + (batch.raw?.length ?? 0)
  );
}

/** The estimated heap bytes one replica's log holds. */
function logHeapBytes(log: LogState): number {
  const records = log.leo - log.logStartOffset;
  const batches = log.batches.length - log.batchHead;
  return records * RECORD_HEAP_BYTES + batches * BATCH_HEAP_BYTES + log.size;
}

export function engineMemory(world: World): EngineMemory {
  // The largest replica of each partition, by "topic-partition".
  const largest = new Map<string, { topic: string; bytes: number }>();
  for (const broker of world.brokers) {
    for (const log of Object.values(broker.logs)) {
      const key = `${log.topic}\u0000${log.partition}`;
      const bytes = logHeapBytes(log);
      const seen = largest.get(key);
      if (!seen) largest.set(key, { topic: log.topic, bytes });
      else if (bytes > seen.bytes) seen.bytes = bytes;
    }
  }
  const byTopic = new Map<string, number>();
  let logBytes = 0;
  for (const { topic, bytes } of largest.values()) {
    byTopic.set(topic, (byTopic.get(topic) ?? 0) + bytes);
    logBytes += bytes;
  }
  const topics = [...byTopic]
    .map(([topic, bytes]) => ({ topic, bytes }))
    .sort((a, b) => b.bytes - a.bytes || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
  return { logBytes, topics };
}
