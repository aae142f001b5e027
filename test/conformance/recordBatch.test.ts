import { describe, expect, it } from 'vitest';
import {
  batchSizeInBytes,
  crc32c,
  decodeRecordBatch,
  encodeRecordBatch,
  recordSizeInBytes,
  sizeOfVarint,
  utf8Decode,
  utf8Encode,
} from '../../src/engine/kernels';
import { bytesToHex, hexToBytes, loadVectors } from './vectors';

interface DecodedRecord {
  length: number;
  attributes: number;
  timestampDelta: number;
  offsetDelta: number;
  key: string;
  value: string;
  headers: [string, string][];
}
interface RecordBatchFile {
  source: { repo: string; path: string };
  hex: string;
  decoded: {
    attributes: number;
    lastOffsetDelta: number;
    baseTimestamp: number;
    maxTimestamp: number;
    producerId: number;
    producerEpoch: number;
    baseSequence: number;
    recordCount: number;
    records: DecodedRecord[];
  };
}

const EXPECTED_CRC = 818496390;

/**
 * The vector holds the CRC-covered bytes (attributes..end). A whole batch puts in front of them
 * baseOffset, batchLength, partitionLeaderEpoch, magic and the CRC.
 */
function wholeBatch(covered: Uint8Array, crc: number): Uint8Array {
  const out = new Uint8Array(21 + covered.length);
  const view = new DataView(out.buffer);
  view.setInt32(8, out.length - 12); // baseOffset 0, then batchLength
  view.setInt32(12, 0); // partitionLeaderEpoch (not covered by the CRC)
  view.setInt8(16, 2);
  view.setUint32(17, crc);
  out.set(covered, 21);
  return out;
}

describe('record-batch-v2.json', () => {
  for (const vector of loadVectors<RecordBatchFile[]>('record-batch-v2.json')) {
    describe(`${vector.source.repo} ${vector.source.path}`, () => {
      const covered = hexToBytes(vector.hex);
      const bytes = wholeBatch(covered, EXPECTED_CRC);

      it('the covered bytes have CRC-32C 818496390', () => {
        expect(crc32c(covered)).toBe(EXPECTED_CRC);
      });

      it('decodes to the documented fields', () => {
        const batch = decodeRecordBatch(bytes);
        const d = vector.decoded;
        expect(batch).toMatchObject({
          baseOffset: 0,
          attributes: d.attributes,
          lastOffsetDelta: d.lastOffsetDelta,
          baseTimestamp: d.baseTimestamp,
          maxTimestamp: d.maxTimestamp,
          producerId: d.producerId,
          producerEpoch: d.producerEpoch,
          baseSequence: d.baseSequence,
        });
        expect(batch.records).toHaveLength(d.recordCount);
        batch.records.forEach((record, i) => {
          const want = d.records[i];
          expect(record.timestampDelta).toBe(want.timestampDelta);
          expect(record.offsetDelta).toBe(want.offsetDelta);
          expect(record.key && utf8Decode(record.key)).toBe(want.key);
          expect(record.value && utf8Decode(record.value)).toBe(want.value);
          expect(record.headers?.map(([k, v]) => [k, v && utf8Decode(v)])).toEqual(want.headers);
          // `length` is the body size; the encoded record adds its own length varint.
          expect(recordSizeInBytes(record)).toBe(sizeOfVarint(want.length) + want.length);
        });
      });

      it('re-encodes byte for byte, CRC included', () => {
        const batch = decodeRecordBatch(bytes);
        const encoded = encodeRecordBatch(batch);
        expect(bytesToHex(encoded)).toBe(bytesToHex(bytes));
        expect(new DataView(encoded.buffer).getUint32(17)).toBe(EXPECTED_CRC);
        expect(encoded.length).toBe(batchSizeInBytes(batch.records));
      });

      it('encodes the documented records from scratch to the same bytes', () => {
        const d = vector.decoded;
        const encoded = encodeRecordBatch({
          partitionLeaderEpoch: 0,
          attributes: d.attributes,
          lastOffsetDelta: d.lastOffsetDelta,
          baseTimestamp: d.baseTimestamp,
          maxTimestamp: d.maxTimestamp,
          producerId: d.producerId,
          producerEpoch: d.producerEpoch,
          baseSequence: d.baseSequence,
          records: d.records.map((r) => ({
            key: utf8Encode(r.key),
            value: utf8Encode(r.value),
            headers: r.headers.map(([k, v]) => [k, utf8Encode(v)] as [string, Uint8Array]),
            timestampDelta: r.timestampDelta,
            offsetDelta: r.offsetDelta,
          })),
        });
        expect(bytesToHex(encoded.subarray(21))).toBe(vector.hex);
        expect(bytesToHex(encoded)).toBe(bytesToHex(bytes));
      });
    });
  }
});
