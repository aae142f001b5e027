// Record batch v2 (magic 2), kafka-spec §9.3: exact encoded sizes (the engine measures batch.size
// and segment.bytes with them), encoding and decoding with the CRC-32C over attributes..end.
// Only uncompressed batches are encoded/decoded (compression bits 0); the sim never compresses.
import { crc32c } from './crc32c';
import { utf8Decode, utf8EncodeInto, utf8Length } from './utf8';
// Varlongs and varints share one encoding; the Varlong names keep call sites reading like Kafka's.
import {
  readVarint,
  readVarint as readVarlong,
  sizeOfVarint,
  sizeOfVarint as sizeOfVarlong,
  writeVarint,
  writeVarint as writeVarlong,
  type ByteCursor,
} from './varint';

export {
  readVarint,
  sizeOfVarint,
  writeVarint,
  zigZagDecode,
  zigZagEncode,
  type ByteCursor,
} from './varint';

/** One record inside a v2 batch. Header values may be null in Kafka, hence the wider type. */
export interface RecordV2 {
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers?: [string, Uint8Array | null][];
  timestampDelta: number;
  offsetDelta: number;
}

/** A decoded batch: the header fields and its records. Offsets/timestamps/ids are int64 as numbers. */
export interface RecordBatchV2 {
  baseOffset: number;
  partitionLeaderEpoch: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  records: RecordV2[];
}

/** What `encodeRecordBatch` needs: records, and any header field that differs from its default. */
export type RecordBatchInput = Partial<Omit<RecordBatchV2, 'records'>> & { records: RecordV2[] };

/** Bytes before the first record: baseOffset..recordCount. */
export const RECORD_BATCH_OVERHEAD = 61;
/** Offset of the CRC field and of the first CRC-covered byte (attributes). */
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const PARTITION_LEADER_EPOCH_OFFSET = 12;
/** baseOffset (8) + batchLength (4): the bytes batchLength does not count. */
const LOG_OVERHEAD = 12;
const MAGIC = 2;
const COMPRESSION_MASK = 0x07;
const TWO_POW_32 = 4294967296;

/**
 * Size of a record's body (everything after its length varint), from the lengths of its parts:
 * key and value (-1 for null), the deltas, and the headers (count, and their encoded bytes).
 */
function recordBodySize(
  keyLength: number,
  valueLength: number,
  timestampDelta: number,
  offsetDelta: number,
  headerCount: number,
  headerBytes: number,
): number {
  return (
    1 + // attributes
    sizeOfVarlong(timestampDelta) +
    sizeOfVarint(offsetDelta) +
    sizeOfNullableLength(keyLength) +
    sizeOfNullableLength(valueLength) +
    sizeOfVarint(headerCount) +
    headerBytes
  );
}

/**
 * Exact encoded size of one record without headers, including its length varint, from the
 * lengths of its key and value (-1 for null) and its deltas.
 */
export function recordSize(
  keyLength: number,
  valueLength: number,
  timestampDelta: number,
  offsetDelta: number,
): number {
  const body = recordBodySize(keyLength, valueLength, timestampDelta, offsetDelta, 0, 0);
  return sizeOfVarint(body) + body;
}

/** Size of a record's body (everything after its length varint). */
export function recordBodySizeInBytes(record: RecordV2): number {
  const headers = record.headers;
  const headerCount = headers ? headers.length : 0;
  let headerBytes = 0;
  for (let i = 0; i < headerCount; i++) {
    const [hKey, hValue] = (headers as [string, Uint8Array | null][])[i];
    const keyLength = utf8Length(hKey);
    headerBytes += sizeOfVarint(keyLength) + keyLength;
    headerBytes += sizeOfNullableBytes(hValue);
  }
  return recordBodySize(
    record.key === null ? -1 : record.key.length,
    record.value === null ? -1 : record.value.length,
    record.timestampDelta,
    record.offsetDelta,
    headerCount,
    headerBytes,
  );
}

/** Exact encoded size of one record, including its length varint. */
export function recordSizeInBytes(record: RecordV2): number {
  const body = recordBodySizeInBytes(record);
  return sizeOfVarint(body) + body;
}

/** Exact encoded size of an uncompressed batch: the 61-byte header plus the records. */
export function batchSizeInBytes(records: readonly RecordV2[]): number {
  let size = RECORD_BATCH_OVERHEAD;
  for (let i = 0; i < records.length; i++) size += recordSizeInBytes(records[i]);
  return size;
}

/**
 * Encodes an uncompressed v2 batch. Defaults follow a producer's fresh batch: baseOffset 0,
 * partitionLeaderEpoch -1, attributes 0, lastOffsetDelta = largest offsetDelta, baseTimestamp 0,
 * maxTimestamp = baseTimestamp + largest timestampDelta, producerId -1, producerEpoch -1,
 * baseSequence -1.
 */
export function encodeRecordBatch(batch: RecordBatchInput): Uint8Array {
  const records = batch.records;
  const attributes = batch.attributes ?? 0;
  if ((attributes & COMPRESSION_MASK) !== 0) {
    throw new Error(`compressed batches are not supported (attributes ${attributes})`);
  }
  let maxOffsetDelta = 0;
  let maxTimestampDelta = 0;
  for (const r of records) {
    maxOffsetDelta = Math.max(maxOffsetDelta, r.offsetDelta);
    maxTimestampDelta = Math.max(maxTimestampDelta, r.timestampDelta);
  }
  const baseTimestamp = batch.baseTimestamp ?? 0;

  const out = new Uint8Array(batchSizeInBytes(records));
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  writeInt64(view, 0, batch.baseOffset ?? 0);
  view.setInt32(8, out.length - LOG_OVERHEAD);
  view.setInt32(12, batch.partitionLeaderEpoch ?? -1);
  view.setInt8(16, MAGIC);
  // CRC at 17..20 is filled in last.
  view.setInt16(21, attributes);
  view.setInt32(23, batch.lastOffsetDelta ?? maxOffsetDelta);
  writeInt64(view, 27, baseTimestamp);
  writeInt64(view, 35, batch.maxTimestamp ?? baseTimestamp + maxTimestampDelta);
  writeInt64(view, 43, batch.producerId ?? -1);
  view.setInt16(51, batch.producerEpoch ?? -1);
  view.setInt32(53, batch.baseSequence ?? -1);
  view.setInt32(57, records.length);

  let p = RECORD_BATCH_OVERHEAD;
  for (const record of records) p = writeRecord(out, p, record);
  view.setUint32(CRC_OFFSET, crc32c(out, ATTRIBUTES_OFFSET, out.length));
  return out;
}

/**
 * A copy of the batch as the leader appends it: baseOffset set to the first offset assigned and
 * partitionLeaderEpoch to the leader's epoch. Neither is covered by the CRC, which stays valid.
 */
export function assignOffsets(
  batch: Uint8Array,
  baseOffset: number,
  partitionLeaderEpoch: number,
): Uint8Array {
  if (batch.length < RECORD_BATCH_OVERHEAD) {
    throw new RangeError(
      `a record batch has at least ${RECORD_BATCH_OVERHEAD} bytes, not ${batch.length}`,
    );
  }
  if (!Number.isSafeInteger(baseOffset) || baseOffset < 0) {
    throw new RangeError(`baseOffset ${baseOffset} is not a non-negative safe integer`);
  }
  // A fresh array, not batch.slice(): a Node Buffer's slice would share the caller's memory.
  const out = new Uint8Array(batch.length);
  out.set(batch);
  const view = new DataView(out.buffer);
  writeInt64(view, 0, baseOffset);
  view.setInt32(PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
  return out;
}

/**
 * Decodes one uncompressed v2 batch starting at `offset` and verifies its CRC-32C.
 * Throws on a wrong magic, a length that does not fit, a CRC mismatch or compressed records.
 */
export function decodeRecordBatch(bytes: Uint8Array, offset = 0): RecordBatchV2 {
  if (bytes.length - offset < RECORD_BATCH_OVERHEAD) {
    throw new Error(`record batch needs at least ${RECORD_BATCH_OVERHEAD} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const batchLength = view.getInt32(offset + 8);
  const end = offset + LOG_OVERHEAD + batchLength;
  if (batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD || end > bytes.length) {
    throw new Error(`record batch length ${batchLength} does not fit the ${bytes.length} bytes`);
  }
  const magic = view.getInt8(offset + 16);
  if (magic !== MAGIC) throw new Error(`record batch magic ${magic} is not 2`);
  const storedCrc = view.getUint32(offset + CRC_OFFSET);
  const computedCrc = crc32c(bytes, offset + ATTRIBUTES_OFFSET, end);
  if (storedCrc !== computedCrc) {
    throw new Error(`record batch CRC mismatch: stored ${storedCrc}, computed ${computedCrc}`);
  }
  const attributes = view.getInt16(offset + 21);
  if ((attributes & COMPRESSION_MASK) !== 0) {
    throw new Error(`compressed batches are not supported (attributes ${attributes})`);
  }
  const recordCount = view.getInt32(offset + 57);
  const cursor: ByteCursor = {
    bytes: bytes.subarray(0, end),
    pos: offset + RECORD_BATCH_OVERHEAD,
  };
  const records: RecordV2[] = [];
  for (let i = 0; i < recordCount; i++) records.push(readRecord(cursor));
  if (cursor.pos !== end) throw new Error(`record batch has ${end - cursor.pos} trailing bytes`);
  return {
    baseOffset: readInt64(view, offset),
    partitionLeaderEpoch: view.getInt32(offset + 12),
    attributes,
    lastOffsetDelta: view.getInt32(offset + 23),
    baseTimestamp: readInt64(view, offset + 27),
    maxTimestamp: readInt64(view, offset + 35),
    producerId: readInt64(view, offset + 43),
    producerEpoch: view.getInt16(offset + 51),
    baseSequence: view.getInt32(offset + 53),
    records,
  };
}

function writeRecord(out: Uint8Array, offset: number, record: RecordV2): number {
  let p = writeVarint(out, offset, recordBodySizeInBytes(record));
  out[p++] = 0; // attributes (unused)
  p = writeVarlong(out, p, record.timestampDelta);
  p = writeVarint(out, p, record.offsetDelta);
  p = writeNullableBytes(out, p, record.key);
  p = writeNullableBytes(out, p, record.value);
  const headers = record.headers ?? [];
  p = writeVarint(out, p, headers.length);
  for (const [hKey, hValue] of headers) {
    p = writeVarint(out, p, utf8Length(hKey));
    p = utf8EncodeInto(hKey, out, p);
    p = writeNullableBytes(out, p, hValue);
  }
  return p;
}

function readRecord(cursor: ByteCursor): RecordV2 {
  const bodySize = readVarint(cursor);
  const bodyEnd = cursor.pos + bodySize;
  if (bodySize < 1 || bodyEnd > cursor.bytes.length) throw new Error('record runs past its batch');
  cursor.pos++; // attributes (unused)
  const timestampDelta = readVarlong(cursor);
  const offsetDelta = readVarint(cursor);
  const key = readNullableBytes(cursor);
  const value = readNullableBytes(cursor);
  const headerCount = readVarint(cursor);
  const record: RecordV2 = { key, value, timestampDelta, offsetDelta };
  if (headerCount > 0) {
    const headers: [string, Uint8Array | null][] = [];
    for (let i = 0; i < headerCount; i++) {
      const hKey = readNullableBytes(cursor);
      if (hKey === null) throw new Error('record header key is null');
      headers.push([utf8Decode(hKey), readNullableBytes(cursor)]);
    }
    record.headers = headers;
  }
  if (cursor.pos !== bodyEnd) throw new Error('record length does not match its contents');
  return record;
}

function sizeOfNullableBytes(b: Uint8Array | null): number {
  return sizeOfNullableLength(b === null ? -1 : b.length);
}

/** A length-prefixed byte string: -1 (one varint byte) for null, else its length and bytes. */
function sizeOfNullableLength(length: number): number {
  return length < 0 ? 1 : sizeOfVarint(length) + length;
}

function writeNullableBytes(out: Uint8Array, offset: number, b: Uint8Array | null): number {
  if (b === null) return writeVarint(out, offset, -1);
  const p = writeVarint(out, offset, b.length);
  out.set(b, p);
  return p + b.length;
}

function readNullableBytes(cursor: ByteCursor): Uint8Array | null {
  const length = readVarint(cursor);
  if (length < 0) return null;
  const end = cursor.pos + length;
  if (end > cursor.bytes.length) throw new Error('record field runs past its batch');
  const b = cursor.bytes.slice(cursor.pos, end);
  cursor.pos = end;
  return b;
}

function writeInt64(view: DataView, offset: number, n: number): void {
  const high = Math.floor(n / TWO_POW_32);
  view.setInt32(offset, high);
  view.setUint32(offset + 4, n - high * TWO_POW_32);
}

function readInt64(view: DataView, offset: number): number {
  return view.getInt32(offset) * TWO_POW_32 + view.getUint32(offset + 4);
}
