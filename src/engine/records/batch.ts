// Where each record of a batch sits in the partition's offsets, and how a batch keeps its
// records. Brokers (logs, fetch answers) and clients (the consumer's buffer, the producer's
// acknowledgements) ask here, never work it out themselves, so batches with gaps (compaction)
// or control records (transactions) can come later by changing this file and the log alone.
// Today every batch holds consecutive offsets.
//
// A stored batch keeps its records packed (Batch.data: key, value, timestamp delta per record),
// as Kafka's record batch does, not as an object each: a log holds millions of records in a long
// session, and the objects' headers and slots were most of its memory.
import { base64ByteLength, RECORD_BATCH_OVERHEAD, recordSize, utf8Length } from '../kernels';
import type { RecordRef } from '../types';
import { sliceRaw } from './rawBatch';
import type { Batch, StoredRecord } from '../sim/world';

/** Cells per record in Batch.data: key, value, timestamp delta (from Batch.baseTs). */
const RECORD_SLOTS = 3;

/** The batch's header fields, everything but its records. */
export type BatchHeader = Omit<
  Batch,
  'count' | 'producer' | 'baseTs' | 'data' | 'maxTs' | 'raw'
> & {
  raw?: string | null;
};

/** A stored batch holding `records` (all from one producer), packed. */
export function packBatch(header: BatchHeader, records: readonly StoredRecord[]): Batch {
  const baseTs = records.length > 0 ? records[0].ts : 0;
  const data: (string | number | null)[] = new Array(records.length * RECORD_SLOTS);
  let maxTs = 0;
  for (let i = 0, at = 0; i < records.length; i++, at += RECORD_SLOTS) {
    const r = records[i];
    data[at] = r.key;
    data[at + 1] = r.value;
    data[at + 2] = r.ts - baseTs;
    if (r.ts > maxTs) maxTs = r.ts;
  }
  return makeBatch(
    header,
    records.length,
    records.length > 0 ? records[0].producer : null,
    baseTs,
    data,
    maxTs,
  );
}

/**
 * Every batch is built here, field by field in one order: all batches share one object shape
 * (a spread can leave V8 a slower, larger object, and logs hold a great many batches).
 */
function makeBatch(
  header: BatchHeader,
  count: number,
  producer: string | null,
  baseTs: number,
  data: (string | number | null)[],
  maxTs: number,
): Batch {
  return {
    bid: header.bid,
    baseOffset: header.baseOffset,
    epoch: header.epoch,
    count,
    producer,
    baseTs,
    data,
    bytes: header.bytes,
    maxTs,
    pid: header.pid,
    producerEpoch: header.producerEpoch,
    baseSeq: header.baseSeq,
    acked: header.acked,
    raw: header.raw ?? null,
  };
}

/** The key of the batch's record at `index`. */
export function keyAt(batch: Batch, index: number): string | null {
  return batch.data[index * RECORD_SLOTS] as string | null;
}

/** The value of the batch's record at `index`. */
export function valueAt(batch: Batch, index: number): string {
  return batch.data[index * RECORD_SLOTS + 1] as string;
}

/** The create time of the batch's record at `index`. */
export function timestampAt(batch: Batch, index: number): number {
  return batch.baseTs + (batch.data[index * RECORD_SLOTS + 2] as number);
}

/** The batch's record at `index` as an object (for readers off the hot path). */
export function recordAt(batch: Batch, index: number): StoredRecord {
  const key = keyAt(batch, index);
  const value = valueAt(batch, index);
  return {
    key,
    value,
    ts: timestampAt(batch, index),
    producer: batch.producer,
    size: storedRecordSize(key, value),
  };
}

/** The offset just after the batch's last record (Kafka's RecordBatch.nextOffset). */
export function nextOffset(batch: Batch): number {
  return batch.baseOffset + batch.count;
}

/** The offset of the batch's last record (Kafka's RecordBatch.lastOffset). */
export function lastOffset(batch: Batch): number {
  return batch.baseOffset + batch.count - 1;
}

/** The offset of the record at `index` in the batch. */
export function recordOffset(batch: Batch, index: number): number {
  return batch.baseOffset + index;
}

/** The index of the first record at or after `offset` (count if there is none). */
export function indexAtOrAfter(batch: Batch, offset: number): number {
  return Math.min(batch.count, Math.max(0, offset - batch.baseOffset));
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
  let bytes = RECORD_BATCH_OVERHEAD;
  let maxTs = 0;
  for (let i = start; i < end; i++) {
    bytes += storedRecordSize(keyAt(batch, i), valueAt(batch, i));
    maxTs = Math.max(maxTs, timestampAt(batch, i));
  }
  // A real client's batch is cut as bytes too; its size is then that of the bytes.
  const raw = batch.raw ? sliceRaw(batch.raw, start, end) : null;
  if (raw !== null) bytes = base64ByteLength(raw);
  const baseTs = end > start ? timestampAt(batch, start) : 0;
  const data = batch.data.slice(start * RECORD_SLOTS, end * RECORD_SLOTS);
  // Timestamp deltas count from the new first record.
  for (let at = 2; at < data.length; at += RECORD_SLOTS)
    data[at] = batch.baseTs + (data[at] as number) - baseTs;
  const header: BatchHeader = {
    bid,
    baseOffset: recordOffset(batch, start),
    epoch: batch.epoch,
    bytes,
    pid: batch.pid,
    producerEpoch: batch.producerEpoch,
    baseSeq: batch.baseSeq >= 0 ? batch.baseSeq + start : -1,
    acked: batch.acked,
    raw,
  };
  return makeBatch(header, end - start, batch.producer, baseTs, data, maxTs);
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
    count += batch.count - from;
    for (let i = from; i < batch.count && refs.length < RECORD_SAMPLE; i++)
      refs.push({ offset: recordOffset(batch, i), key: keyAt(batch, i) });
  }
  return count;
}
