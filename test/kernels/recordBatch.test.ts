import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECORD_BATCH_OVERHEAD,
  batchSizeInBytes,
  decodeRecordBatch,
  encodeRecordBatch,
  readVarint,
  recordSize,
  recordSizeInBytes,
  sizeOfVarint,
  utf8Encode,
  writeVarint,
  zigZagDecode,
  zigZagEncode,
  type RecordV2,
} from '../../src/engine/kernels';

describe('zig-zag varints', () => {
  it.each([
    [0, 0, 1],
    [-1, 1, 1],
    [1, 2, 1],
    [-2, 3, 1],
    [63, 126, 1],
    [-64, 127, 1],
    [64, 128, 2],
    [2147483647, 4294967294, 5],
    [-2147483648, 4294967295, 5],
    [1509928155660, 3019856311320, 6],
  ])('%i -> %i in %i bytes', (n, zz, size) => {
    expect(zigZagEncode(n)).toBe(zz);
    expect(zigZagDecode(zz)).toBe(n);
    expect(sizeOfVarint(n)).toBe(size);
  });

  it('writes what it sizes and reads it back', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().map((n) => Math.trunc(n / 2) || 0),
        (n) => {
          const buf = new Uint8Array(10);
          const end = writeVarint(buf, 0, n);
          expect(end).toBe(sizeOfVarint(n));
          const cursor = { bytes: buf, pos: 0 };
          expect(readVarint(cursor)).toBe(n);
          expect(cursor.pos).toBe(end);
        },
      ),
    );
  });

  it('encodes -1 as the single byte 0x01 (null key/value)', () => {
    const buf = new Uint8Array(1);
    writeVarint(buf, 0, -1);
    expect(buf[0]).toBe(1);
  });
});

const bytesOrNull = fc.option(fc.uint8Array({ maxLength: 300 }), { nil: null });
const recordArb: fc.Arbitrary<RecordV2> = fc.record(
  {
    key: bytesOrNull,
    value: bytesOrNull,
    headers: fc.array(fc.tuple(fc.string({ maxLength: 20 }), bytesOrNull), { maxLength: 3 }),
    timestampDelta: fc.integer({ min: 0, max: 10_000_000 }),
    offsetDelta: fc.integer({ min: 0, max: 100_000 }),
  },
  { requiredKeys: ['key', 'value', 'timestampDelta', 'offsetDelta'] },
);

describe('record batch v2', () => {
  it('sizes a record exactly as Kafka does (length varint + body)', () => {
    // attributes 1 + timestampDelta 1 + offsetDelta 1 + key -1 (1) + value 3 bytes (1+3) + headers 0 (1)
    const record: RecordV2 = {
      key: null,
      value: utf8Encode('abc'),
      timestampDelta: 0,
      offsetDelta: 0,
    };
    expect(recordSizeInBytes(record)).toBe(1 + 9);
    expect(batchSizeInBytes([record])).toBe(RECORD_BATCH_OVERHEAD + 10);
    expect(batchSizeInBytes([])).toBe(61);
  });

  it('round-trips and its size functions give the encoded length', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: -1, max: 2 ** 40 }),
        fc.integer({ min: -1, max: 1000 }),
        (records, baseTimestamp, producerId, baseSequence) => {
          const bytes = encodeRecordBatch({
            baseOffset: 12345678901,
            partitionLeaderEpoch: 7,
            baseTimestamp,
            producerId,
            producerEpoch: 3,
            baseSequence,
            records,
          });
          expect(bytes.length).toBe(batchSizeInBytes(records));
          const batch = decodeRecordBatch(bytes);
          expect(batch.baseOffset).toBe(12345678901);
          expect(batch.partitionLeaderEpoch).toBe(7);
          expect(batch.baseTimestamp).toBe(baseTimestamp);
          expect(batch.producerId).toBe(producerId);
          expect(batch.baseSequence).toBe(baseSequence);
          expect(batch.records).toHaveLength(records.length);
          batch.records.forEach((r, i) => {
            const want = records[i];
            expect(r.key).toEqual(want.key);
            expect(r.value).toEqual(want.value);
            expect(r.headers ?? []).toEqual(want.headers ?? []);
            expect(r.timestampDelta).toBe(want.timestampDelta);
            expect(r.offsetDelta).toBe(want.offsetDelta);
          });
          expect(encodeRecordBatch(batch)).toEqual(bytes);
        },
      ),
    );
  });

  it('fills producer defaults: no producer id/epoch/sequence, deltas from the records', () => {
    const records: RecordV2[] = [
      { key: null, value: null, timestampDelta: 0, offsetDelta: 0 },
      { key: null, value: null, timestampDelta: 40, offsetDelta: 1 },
    ];
    const batch = decodeRecordBatch(encodeRecordBatch({ baseTimestamp: 1000, records }));
    expect(batch).toMatchObject({
      baseOffset: 0,
      partitionLeaderEpoch: -1,
      attributes: 0,
      lastOffsetDelta: 1,
      baseTimestamp: 1000,
      maxTimestamp: 1040,
      producerId: -1,
      producerEpoch: -1,
      baseSequence: -1,
    });
  });

  it('decodes at an offset inside a larger buffer', () => {
    const one = encodeRecordBatch({
      records: [{ key: null, value: utf8Encode('x'), timestampDelta: 0, offsetDelta: 0 }],
    });
    const two = encodeRecordBatch({
      baseOffset: 1,
      records: [{ key: utf8Encode('k'), value: null, timestampDelta: 0, offsetDelta: 0 }],
    });
    const both = new Uint8Array(one.length + two.length);
    both.set(one);
    both.set(two, one.length);
    expect(decodeRecordBatch(both.subarray(0), one.length).records[0].key).toEqual(utf8Encode('k'));
  });

  it('rejects a corrupted batch, a wrong magic and compressed batches', () => {
    const bytes = encodeRecordBatch({
      records: [{ key: null, value: utf8Encode('v'), timestampDelta: 0, offsetDelta: 0 }],
    });
    const flipped = bytes.slice();
    flipped[flipped.length - 1] ^= 1;
    expect(() => decodeRecordBatch(flipped)).toThrow(/CRC mismatch/);
    const magic = bytes.slice();
    magic[16] = 1;
    expect(() => decodeRecordBatch(magic)).toThrow(/magic/);
    expect(() => encodeRecordBatch({ attributes: 1, records: [] })).toThrow(/compressed/);
    expect(() => decodeRecordBatch(bytes.subarray(0, 30))).toThrow();
  });

  it('leaves partitionLeaderEpoch outside the CRC (the leader rewrites it)', () => {
    const records: RecordV2[] = [{ key: null, value: null, timestampDelta: 0, offsetDelta: 0 }];
    const a = encodeRecordBatch({ partitionLeaderEpoch: 1, records });
    const b = encodeRecordBatch({ partitionLeaderEpoch: 9, baseOffset: 500, records });
    expect(a.subarray(17, 21)).toEqual(b.subarray(17, 21));
  });
});

describe('recordSize from the lengths of a record (what the engine sizes records with)', () => {
  it('equals the encoded size of the same record', () => {
    fc.assert(
      fc.property(
        fc.option(fc.uint8Array({ maxLength: 300 }), { nil: null }),
        fc.uint8Array({ maxLength: 20_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 300 }),
        (key, value, timestampDelta, offsetDelta) => {
          const record: RecordV2 = { key, value, timestampDelta, offsetDelta };
          const keyLength = key === null ? -1 : key.length;
          expect(recordSize(keyLength, value.length, timestampDelta, offsetDelta)).toBe(
            recordSizeInBytes(record),
          );
          // The first record of a batch: the bytes written are the header plus this size.
          const first = { ...record, offsetDelta: 0 };
          expect(encodeRecordBatch({ records: [first] }).length).toBe(
            RECORD_BATCH_OVERHEAD + recordSize(keyLength, value.length, timestampDelta, 0),
          );
        },
      ),
    );
  });
});
