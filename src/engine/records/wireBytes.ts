// A stored batch as the wire carries it, for a real client's Fetch (issue 14): the bytes its
// producer sent if a real client wrote it, else record batch v2 encoded from the packed records.
import { base64Decode, encodeRecordBatch, utf8Encode, type RecordV2 } from '../kernels';
import type { Batch } from '../sim/world';
import { keyAt, timestampAt, valueAt } from './batch';

export function wireBytesOf(batch: Batch): Uint8Array {
  if (batch.raw) return base64Decode(batch.raw);
  const records: RecordV2[] = new Array(batch.count);
  for (let i = 0; i < batch.count; i++) {
    const key = keyAt(batch, i);
    records[i] = {
      key: key === null ? null : utf8Encode(key),
      value: utf8Encode(valueAt(batch, i)),
      timestampDelta: timestampAt(batch, i) - batch.baseTs,
      offsetDelta: i,
    };
  }
  return encodeRecordBatch({
    baseOffset: batch.baseOffset,
    partitionLeaderEpoch: batch.epoch,
    baseTimestamp: batch.baseTs,
    producerId: batch.pid,
    producerEpoch: batch.producerEpoch,
    baseSequence: batch.baseSeq,
    records,
  });
}
