// Record batches (magic 2) as the broker handles them: kept as the bytes the client sent, checked
// the way Kafka checks a produced partition's records, and rewritten in place only where Kafka
// rewrites them on append (baseOffset and partitionLeaderEpoch, which the CRC does not cover; and
// for LogAppendTime topics the timestamp type and maxTimestamp, which it does, so the CRC is
// recomputed). The broker never needs to decompress. Layout: kafka-spec 9.3.
import {
  RECORD_BATCH_OVERHEAD,
  crc32c,
  decodeRecordBatch,
  type RecordBatchV2,
} from '../engine/kernels';
import { copyBytes } from './bytes/copy';
import { Reader, toDecodeError } from './bytes/reader';
import type { DecodeResult } from './decodeResult';
import { KafkaErrorCode } from './errorCodes';

export { assignOffsets, encodeRecordBatch, type RecordBatchV2 } from '../engine/kernels';

/** baseOffset + batchLength: the bytes batchLength does not count (Kafka's LOG_OVERHEAD). */
const LOG_OVERHEAD = 12;
const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const MAX_TIMESTAMP_OFFSET = 35;
/** Smallest legacy (magic 0) record: Kafka's first sanity check on any batch size. */
const MIN_RECORD_OVERHEAD_V0 = 14;
const CURRENT_MAGIC = 2;

export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_TYPE_LOG_APPEND_TIME = 0x08;
export const CONTROL_FLAG = 0x20;

/** The 61 header bytes: the kernel's batch fields plus the ones it derives or checks. */
export type RecordBatchHeader = Omit<RecordBatchV2, 'records'> & {
  batchLength: number;
  magic: number;
  crc: number;
  recordCount: number;
};

/** Reads the 61-byte header of the batch starting at `bytes[0]`. Never throws. */
export function readRecordBatchHeader(bytes: Uint8Array): DecodeResult<RecordBatchHeader> {
  const r = new Reader(bytes);
  const read = <T>(name: string, get: () => T): T => {
    r.enter(name);
    const value = get();
    r.leave();
    return value;
  };
  try {
    r.enter('recordBatch');
    return {
      ok: true,
      value: {
        baseOffset: read('baseOffset', () => r.int64()),
        batchLength: read('batchLength', () => r.int32()),
        partitionLeaderEpoch: read('partitionLeaderEpoch', () => r.int32()),
        magic: read('magic', () => r.int8()),
        crc: read('crc', () => r.uint32()),
        attributes: read('attributes', () => r.int16()),
        lastOffsetDelta: read('lastOffsetDelta', () => r.int32()),
        baseTimestamp: read('baseTimestamp', () => r.int64()),
        maxTimestamp: read('maxTimestamp', () => r.int64()),
        producerId: read('producerId', () => r.int64()),
        producerEpoch: read('producerEpoch', () => r.int16()),
        baseSequence: read('baseSequence', () => r.int32()),
        recordCount: read('recordCount', () => r.int32()),
      },
    };
  } catch (e) {
    return { ok: false, error: toDecodeError(e, r) };
  }
}

/** True if the stored CRC-32C matches attributes..end of the batch. */
export function hasValidCrc(batch: Uint8Array): boolean {
  if (batch.length < RECORD_BATCH_OVERHEAD) return false;
  return view(batch).getUint32(CRC_OFFSET) === crc32c(batch, ATTRIBUTES_OFFSET, batch.length);
}

export type ProduceRecordsCheck =
  | { ok: true; batch: Uint8Array; header: RecordBatchHeader }
  | { ok: false; errorCode: number; message: string };

/**
 * Checks one partition's `records` from a Produce v3+ request as Kafka does before appending, and
 * returns the Kafka error code to answer that partition with when it fails:
 * - exactly one batch, magic 2 (ProduceRequest.validateRecords): INVALID_RECORD;
 * - a batch size or magic that cannot be a batch (ByteBufferLogInputStream): CORRUPT_MESSAGE;
 * - shorter than the v2 header or a CRC mismatch (DefaultRecordBatch.ensureValid): CORRUPT_MESSAGE;
 * - record count <= 0, count != lastOffsetDelta + 1, or a control batch (LogValidator): INVALID_RECORD;
 * - uncompressed records that do not parse (DefaultRecord.readFrom): INVALID_RECORD.
 * Compressed batches are accepted without looking inside. A truncated trailing batch is ignored,
 * as Kafka's batch iterator ignores it.
 */
export function checkProduceRecords(records: Uint8Array | null): ProduceRecordsCheck {
  if (records === null) return invalidRecord('records are null');
  const first = nextBatchSize(records, 0);
  if (first.corrupt) return corrupt(first.corrupt);
  if (first.size === null || first.size > records.length) {
    return invalidRecord('Produce requests with version 3+ must have at least one record batch');
  }
  if (records[MAGIC_OFFSET] !== CURRENT_MAGIC) {
    return invalidRecord(`record batch magic ${records[MAGIC_OFFSET]} is not 2`);
  }
  const second = nextBatchSize(records, first.size);
  if (second.corrupt) return corrupt(second.corrupt);
  if (second.size !== null && first.size + second.size <= records.length) {
    return invalidRecord('Produce requests with version 3+ must contain exactly one record batch');
  }
  const batch = records.subarray(0, first.size);
  if (batch.length < RECORD_BATCH_OVERHEAD) {
    return corrupt(`record batch of ${batch.length} bytes is shorter than its 61-byte header`);
  }
  if (!hasValidCrc(batch)) return corrupt('record batch CRC-32C does not match its contents');
  const header = readRecordBatchHeader(batch);
  if (!header.ok) return invalidRecord(header.error.message);
  const h = header.value;
  if (h.recordCount <= 0) return invalidRecord(`invalid record count ${h.recordCount}`);
  if (h.lastOffsetDelta + 1 !== h.recordCount) {
    return invalidRecord(
      `lastOffsetDelta ${h.lastOffsetDelta} does not match the record count ${h.recordCount}`,
    );
  }
  if (h.attributes & CONTROL_FLAG) return invalidRecord('clients may not write control batches');
  if ((h.attributes & COMPRESSION_MASK) === 0) {
    const decoded = decodeBatchRecords(batch);
    if (!decoded.ok) return invalidRecord(decoded.error.message);
  }
  return { ok: true, batch, header: h };
}

/** Kafka's ByteBufferLogInputStream.nextBatchSize: null when too few bytes to tell. */
function nextBatchSize(bytes: Uint8Array, at: number): { size: number | null; corrupt?: string } {
  const remaining = bytes.length - at;
  if (remaining < LOG_OVERHEAD) return { size: null };
  const batchLength = view(bytes).getInt32(at + 8);
  if (batchLength < MIN_RECORD_OVERHEAD_V0) {
    return { size: null, corrupt: `record size ${batchLength} is below the minimum of 14` };
  }
  if (remaining < MAGIC_OFFSET + 1) return { size: null };
  const magic = view(bytes).getInt8(at + MAGIC_OFFSET);
  if (magic < 0 || magic > CURRENT_MAGIC) return { size: null, corrupt: `invalid magic ${magic}` };
  return { size: batchLength + LOG_OVERHEAD };
}

function invalidRecord(message: string): ProduceRecordsCheck {
  return { ok: false, errorCode: KafkaErrorCode.INVALID_RECORD, message };
}

function corrupt(message: string): ProduceRecordsCheck {
  return { ok: false, errorCode: KafkaErrorCode.CORRUPT_MESSAGE, message };
}

/**
 * A copy of the batch stamped for a LogAppendTime topic, as Kafka's setMaxTimestamp does: the
 * timestamp-type attribute bit set, maxTimestamp = the append time, CRC recomputed (both fields
 * are covered by it). Unchanged if already stamped with that time.
 */
export function setLogAppendTime(batch: Uint8Array, appendTimeMs: number): Uint8Array {
  const out = copyOfBatch(batch);
  const v = view(out);
  const attributes = v.getInt16(ATTRIBUTES_OFFSET);
  const current =
    v.getInt32(MAX_TIMESTAMP_OFFSET) * 4294967296 + v.getUint32(MAX_TIMESTAMP_OFFSET + 4);
  if (attributes & TIMESTAMP_TYPE_LOG_APPEND_TIME && current === appendTimeMs) return out;
  if (!Number.isSafeInteger(appendTimeMs)) throw new RangeError(`time ${appendTimeMs} is not safe`);
  v.setInt16(ATTRIBUTES_OFFSET, attributes | TIMESTAMP_TYPE_LOG_APPEND_TIME);
  const high = Math.floor(appendTimeMs / 4294967296);
  v.setInt32(MAX_TIMESTAMP_OFFSET, high);
  v.setUint32(MAX_TIMESTAMP_OFFSET + 4, appendTimeMs - high * 4294967296);
  v.setUint32(CRC_OFFSET, crc32c(out, ATTRIBUTES_OFFSET, out.length));
  return out;
}

/** Decodes an uncompressed batch's records (the engine kernel, never throwing). */
export function decodeBatchRecords(batch: Uint8Array): DecodeResult<RecordBatchV2> {
  try {
    return { ok: true, value: decodeRecordBatch(batch) };
  } catch (e) {
    return {
      ok: false,
      error: { reason: 'malformed', field: 'recordBatch', message: (e as Error).message },
    };
  }
}

/** The `records` of a Fetch response partition: stored batches back to back. */
export function concatRecordBatches(batches: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const b of batches) size += b.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const b of batches) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function copyOfBatch(batch: Uint8Array): Uint8Array {
  if (batch.length < RECORD_BATCH_OVERHEAD) {
    throw new RangeError(
      `a record batch has at least ${RECORD_BATCH_OVERHEAD} bytes, not ${batch.length}`,
    );
  }
  return copyBytes(batch);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
