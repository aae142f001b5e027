// Where each record of a batch sits in the partition's offsets. Brokers (logs, fetch answers)
// and clients (the consumer's buffer, the producer's acknowledgements) ask here, never work it
// out themselves, so batches with gaps (compaction) or control records (transactions) can come
// later by changing this file and the log alone. Today every batch holds consecutive offsets.
import { RECORD_BATCH_OVERHEAD, recordSize, utf8Length } from '../kernels';
import type { RecordRef } from '../types';
import type { Batch, StoredRecord } from '../sim/world';

/** The offset just after the batch's last record (Kafka's RecordBatch.nextOffset). */
export function nextOffset(batch: Batch): number {
  return batch.baseOffset + batch.records.length;
}

/** The offset of the batch's last record (Kafka's RecordBatch.lastOffset). */
export function lastOffset(batch: Batch): number {
  return batch.baseOffset + batch.records.length - 1;
}

/** The offset of the record at `index` in the batch. */
export function recordOffset(batch: Batch, index: number): number {
  return batch.baseOffset + index;
}

/** The index of the first record at or after `offset` (records.length if there is none). */
export function indexAtOrAfter(batch: Batch, offset: number): number {
  return Math.min(batch.records.length, Math.max(0, offset - batch.baseOffset));
}

/**
 * The offset of the `index`-th record of a producer's batch that the leader appended at
 * `baseOffset`: an append gives a producer's records consecutive offsets.
 */
export function appendedOffset(baseOffset: number, index: number): number {
  return baseOffset + index;
}

/** A copy of `batch` holding only offsets [from, to), as batch `bid`. */
export function sliceBatch(batch: Batch, from: number, to: number, bid: number): Batch {
  const start = indexAtOrAfter(batch, from);
  const end = indexAtOrAfter(batch, to);
  const records = batch.records.slice(start, end);
  return {
    ...batch,
    bid,
    baseOffset: recordOffset(batch, start),
    records,
    bytes: batchBytes(records),
    maxTs: maxTimestamp(records),
    baseSeq: batch.baseSeq >= 0 ? batch.baseSeq + start : -1,
  };
}

/**
 * Encoded size of a record with this key and value (record batch v2, no headers), by the
 * conformance-tested kernel. The model takes the record's timestamp and offset deltas inside its
 * batch as small (one byte each), so a record's size does not depend on its neighbours.
 */
export function storedRecordSize(key: string | null, value: string): number {
  return recordSize(key === null ? -1 : utf8Length(key), utf8Length(value), 0, 0);
}

/** The size of a batch holding one record of `recordBytes` (the batch header plus the record). */
export function singleRecordBatchBytes(recordBytes: number): number {
  return RECORD_BATCH_OVERHEAD + recordBytes;
}

/** Encoded size of a batch holding `records` (the record batch v2 header plus each record). */
function batchBytes(records: readonly StoredRecord[]): number {
  let bytes = RECORD_BATCH_OVERHEAD;
  for (let i = 0; i < records.length; i++) bytes += records[i].size;
  return bytes;
}

/** The newest create time among `records` (0 for none). */
export function maxTimestamp(records: readonly StoredRecord[]): number {
  let maxTs = 0;
  for (let i = 0; i < records.length; i++) if (records[i].ts > maxTs) maxTs = records[i].ts;
  return maxTs;
}

/** The most records a traffic event lists for colouring; the count says how many in all. */
export const RECORD_SAMPLE = 16;

/**
 * What a message carrying `batches` shows of its records: how many there are from `fromOffset`
 * on (default: every record the batches hold), and a sample of the first RECORD_SAMPLE (offset
 * and key) appended to `refs`, which may already hold some from other partitions.
 */
export function sampleRecords(
  batches: readonly Batch[],
  refs: RecordRef[],
  fromOffset = 0,
): number {
  let count = 0;
  for (const batch of batches) {
    const from = indexAtOrAfter(batch, fromOffset);
    count += batch.records.length - from;
    for (let i = from; i < batch.records.length && refs.length < RECORD_SAMPLE; i++)
      refs.push({ offset: recordOffset(batch, i), key: batch.records[i].key });
  }
  return count;
}
