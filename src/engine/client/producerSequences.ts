// The idempotent producer's sequence numbers per partition (kafka-spec 1.5; Kafka's
// TransactionManager and its per-partition entries, for a producer without transactions, and
// KIP-360). A batch gets its sequence when it is first sent and keeps it on retries. When the
// broker reports a gap (OUT_OF_ORDER_SEQUENCE_NUMBER for the batch that follows the last one
// acknowledged), or a batch that was sent fails for good so that nobody knows whether it was
// written, the producer bumps its epoch and that partition's sequences start again at 0: the
// broker accepts sequence 0 from a newer epoch, so the records go through instead of being
// refused forever. Other partitions move to the new epoch when nothing of theirs is in flight.
import type { ProducerBatch, ProducerState } from '../sim/world';

/** Errors about sequence numbers that the idempotent producer retries (TransactionManager.canRetry). */
export const SEQUENCE_ERRORS: ReadonlySet<string> = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
]);

/**
 * Give a batch its sequence at its first send. The partition's sequences move to the producer's
 * current epoch (starting at 0) first if they belong to an older one; a gap left by a batch that
 * failed after being sent is settled first (maybeResolveSequences).
 */
export function assignSequence(p: ProducerState, batch: ProducerBatch): void {
  if (batch.baseSeq >= 0) return;
  const partition = batch.partition;
  if (p.sequences[partition]?.unresolved) resolveSequences(p, partition);
  let s = p.sequences[partition];
  if (s === undefined || s.epoch !== p.producerEpoch) {
    s = p.sequences[partition] = {
      epoch: p.producerEpoch,
      next: 0,
      lastAcked: -1,
      unresolved: false,
    };
  }
  batch.baseSeq = s.next;
  batch.seqEpoch = s.epoch;
  s.next += batch.records.length;
}

/** The broker acknowledged the batch: its last sequence is the partition's last acknowledged. */
export function sequenceAcked(p: ProducerState, batch: ProducerBatch): void {
  const s = p.sequences[batch.partition];
  if (s === undefined || batch.baseSeq < 0 || batch.seqEpoch !== s.epoch) return;
  s.lastAcked = Math.max(s.lastAcked, batch.baseSeq + batch.records.length - 1);
}

/**
 * A batch that was sent failed for good (it expired or ran out of retries): the broker may or
 * may not have written it, so the next sequence may leave a gap (markSequenceUnresolved).
 */
export function sequenceUnresolved(p: ProducerState, batch: ProducerBatch): void {
  const s = p.sequences[batch.partition];
  if (s === undefined || batch.baseSeq < 0 || batch.seqEpoch !== s.epoch) return;
  s.unresolved = true;
}

/**
 * The broker refused the batch for its sequence number. If the batch is the one right after the
 * last acknowledged, the broker's log really has a gap (a truncation lost what it acknowledged,
 * or it lost the producer's state): bump the epoch, and the batch is sent again from sequence 0.
 * Otherwise an earlier batch's fate is still open and the batch is simply retried.
 */
export function onSequenceError(p: ProducerState, batch: ProducerBatch): void {
  const s = p.sequences[batch.partition];
  if (s === undefined || batch.seqEpoch !== s.epoch) return;
  if (batch.baseSeq === s.lastAcked + 1) bumpEpochFor(p, batch.partition);
}

/** Nothing of the partition is in flight any more: a gap is either closed, or needs an epoch bump. */
function resolveSequences(p: ProducerState, partition: number): void {
  const s = p.sequences[partition];
  if (s.next === s.lastAcked + 1) s.unresolved = false;
  else bumpEpochFor(p, partition);
}

/**
 * bumpIdempotentProducerEpoch: a new epoch for the producer; the partition's sequences start at
 * 0 in it, and its batch waiting to be retried will be sent with a new sequence.
 */
function bumpEpochFor(p: ProducerState, partition: number): void {
  p.producerEpoch++;
  p.sequences[partition] = { epoch: p.producerEpoch, next: 0, lastAcked: -1, unresolved: false };
  for (const batch of p.queues[partition] ?? []) {
    if (!batch.inFlight) {
      batch.baseSeq = -1;
      batch.seqEpoch = -1;
    }
  }
}
