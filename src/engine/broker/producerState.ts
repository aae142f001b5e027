// Idempotent producers' state per partition log (Kafka's ProducerStateManager, kafka-spec 1.5):
// each producer id's epoch and its last batches' sequence numbers and offsets. Only the appends
// (broker/appends.ts) change it; the leader's produce path asks it about a new batch first.
import { lastOffset } from '../records/batch';
import type { ProduceBatch } from '../sim/messages';
import type { Batch, LogState, ProducerIdEntry } from '../sim/world';
import { allBatches } from './log';

/** Kafka keeps the last 5 batches per producer: enough for 5 requests in flight. */
const PRODUCER_BATCH_MEMORY = 5;

export type SequenceCheck =
  | { ok: true }
  /** A retry of a batch already written: answer with its original offsets, append nothing. */
  | { ok: false; duplicateOf: { firstOffset: number; lastOffset: number } }
  | { ok: false; error: 'INVALID_PRODUCER_EPOCH' | 'OUT_OF_ORDER_SEQUENCE_NUMBER' };

const OK: SequenceCheck = { ok: true };

/**
 * The broker's idempotence checks, in order: an older producer epoch is fenced; a duplicate of
 * one of the last 5 batches is answered with its original offsets; a new epoch must start at
 * sequence 0; otherwise the sequence must follow the last one.
 */
export function checkSequence(log: LogState, pb: ProduceBatch): SequenceCheck {
  const entry: ProducerIdEntry | undefined = log.producers[pb.pid];
  if (!entry) return OK; // no state for this producer id: any sequence is accepted
  if (pb.producerEpoch < entry.producerEpoch) return { ok: false, error: 'INVALID_PRODUCER_EPOCH' };
  if (pb.producerEpoch > entry.producerEpoch)
    return pb.baseSeq === 0 ? OK : { ok: false, error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' };
  const lastSeq = pb.baseSeq + pb.records.length - 1;
  const dup = entry.batches.find((x) => x.firstSeq === pb.baseSeq && x.lastSeq === lastSeq);
  if (dup)
    return { ok: false, duplicateOf: { firstOffset: dup.firstOffset, lastOffset: dup.lastOffset } };
  const last = entry.batches[entry.batches.length - 1];
  return last && pb.baseSeq !== last.lastSeq + 1
    ? { ok: false, error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }
    : OK;
}

/** Remember an appended batch of an idempotent producer (duplicate detection after retries). */
export function recordProducerBatch(log: LogState, batch: Batch): void {
  if (batch.pid < 0) return;
  let entry = log.producers[batch.pid];
  if (!entry || batch.producerEpoch > entry.producerEpoch) {
    entry = log.producers[batch.pid] = { producerEpoch: batch.producerEpoch, batches: [] };
  }
  entry.batches.push({
    firstSeq: batch.baseSeq,
    lastSeq: batch.baseSeq + batch.count - 1,
    firstOffset: batch.baseOffset,
    lastOffset: lastOffset(batch),
  });
  if (entry.batches.length > PRODUCER_BATCH_MEMORY) entry.batches.shift();
}

/** After truncation the producer state is rebuilt from what the log still holds. */
export function rebuildProducerState(log: LogState): void {
  log.producers = {};
  for (const batch of allBatches(log)) recordProducerBatch(log, batch);
}
