// Record batches as a real client sent them (issue 14; docs/plan-real-clients.md 2). A batch
// from an external producer keeps its wire bytes (`Batch.raw`, base64 so that saves and the
// command log stay plain JSON): consumers that speak the wire get back exactly what was written
// (null values, binary keys, headers, the client's own timestamps), while the packed `data`
// holds the keys and values as text for the picture, the inspector and the events. A batch a
// built-in producer wrote has no wire form; it is encoded when a real client fetches it.
import {
  assignOffsets,
  base64Decode,
  base64Encode,
  decodeRecordBatch,
  encodeRecordBatch,
  recordSizeInBytes,
  utf8Decode,
  type RecordBatchV2,
  type RecordV2,
} from '../kernels';
import type { StoredRecord } from '../sim/world';

/** A client's batch, decoded: what the engine keeps of each record, and the header fields. */
export interface ClientBatch {
  header: Omit<RecordBatchV2, 'records'>;
  /** Keys and values as text (U+FFFD for bytes that are not UTF-8; a null value as ''). */
  records: StoredRecord[];
  /** The batch as sent, base64. */
  raw: string;
  bytes: number;
}

/**
 * Decodes the base64 batch a real client produced. Its records take the append time `now` as
 * their timestamp in the engine (segment rolling and retention compare with the simulated clock;
 * the client's wall-clock timestamps stay in the raw bytes). Throws on a batch that does not
 * decode (the bridge checks batches as Kafka does before they get here).
 */
export function decodeClientBatch(raw: string, producer: string, now: number): ClientBatch {
  const bytes = base64Decode(raw);
  const { records, ...header } = decodeRecordBatch(bytes);
  return {
    header,
    records: records.map((r) => ({
      key: r.key === null ? null : utf8Decode(r.key),
      value: r.value === null ? '' : utf8Decode(r.value),
      ts: now,
      producer,
      size: recordSizeInBytes(r),
    })),
    raw,
    bytes: bytes.length,
  };
}

/** The raw batch as the leader appends it (baseOffset, partitionLeaderEpoch; CRC unchanged). */
export function stampRaw(raw: string, baseOffset: number, leaderEpoch: number): string {
  return base64Encode(assignOffsets(base64Decode(raw), baseOffset, leaderEpoch));
}

/** The raw batch holding only its records [start, end), re-encoded as Kafka would write them. */
export function sliceRaw(raw: string, start: number, end: number): string {
  const { records, ...header } = decodeRecordBatch(base64Decode(raw));
  const kept = records.slice(start, end);
  const first = kept[0];
  const baseTimestamp = header.baseTimestamp + (first?.timestampDelta ?? 0);
  const shifted: RecordV2[] = kept.map((r, i) => ({
    ...r,
    offsetDelta: i,
    timestampDelta: r.timestampDelta - (first?.timestampDelta ?? 0),
  }));
  const logAppendTime = (header.attributes & 0x08) !== 0;
  return base64Encode(
    encodeRecordBatch({
      ...header,
      baseOffset: header.baseOffset + (first?.offsetDelta ?? 0),
      lastOffsetDelta: Math.max(0, kept.length - 1),
      baseTimestamp,
      ...(logAppendTime ? {} : { maxTimestamp: undefined }),
      baseSequence: header.baseSequence >= 0 ? header.baseSequence + start : -1,
      records: shifted,
    }),
  );
}
