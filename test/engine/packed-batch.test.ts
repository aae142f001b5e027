// A stored batch keeps its records packed (records/batch.ts): what goes in comes back out, by
// index and by offset, and a slice (a truncation through a batch, a fetch up to the high
// watermark) keeps the records, their timestamps, the size and the sequence numbers right.
import { describe, expect, it } from 'vitest';
import {
  indexAtOrAfter,
  keyAt,
  lastOffset,
  nextOffset,
  packBatch,
  recordAt,
  sliceBatch,
  storedRecordSize,
  timestampAt,
  valueAt,
} from '../../src/engine/records/batch';
import { RECORD_BATCH_OVERHEAD } from '../../src/engine/kernels';
import type { StoredRecord } from '../../src/engine/sim/world';

const record = (key: string | null, value: string, ts: number): StoredRecord => ({
  key,
  value,
  ts,
  producer: 'checkout',
  size: storedRecordSize(key, value),
});
const records = [
  record('alice', 'checkout#1', 1000),
  record(null, 'checkout#2', 1004),
  record('bob', 'checkout#3', 1002),
  record('alice', 'checkout#4', 1010),
];
const bytes = RECORD_BATCH_OVERHEAD + records.reduce((n, r) => n + r.size, 0);
const header = {
  bid: 7,
  baseOffset: 40,
  epoch: 2,
  bytes,
  pid: 3,
  producerEpoch: 0,
  baseSeq: 10,
  acked: true,
};

describe('a packed batch', () => {
  const batch = packBatch(header, records);

  it('gives back every record it was given, with its producer, offsets and newest time', () => {
    expect(batch.count).toBe(4);
    expect([nextOffset(batch), lastOffset(batch)]).toEqual([44, 43]);
    expect(batch.maxTs).toBe(1010);
    expect(records.map((_, i) => recordAt(batch, i))).toEqual(records);
    expect([keyAt(batch, 1), valueAt(batch, 2), timestampAt(batch, 3)]).toEqual([
      null,
      'checkout#3',
      1010,
    ]);
    expect(indexAtOrAfter(batch, 42)).toBe(2);
  });

  it('slices to offsets [from, to) with its own size, times and sequence numbers', () => {
    const slice = sliceBatch(batch, 41, 43, 8);
    expect([slice.bid, slice.baseOffset, slice.count, slice.baseSeq]).toEqual([8, 41, 2, 11]);
    expect([recordAt(slice, 0), recordAt(slice, 1)]).toEqual([records[1], records[2]]);
    expect(slice.baseTs).toBe(1004);
    expect(slice.maxTs).toBe(1004);
    expect(slice.bytes).toBe(RECORD_BATCH_OVERHEAD + records[1].size + records[2].size);
    expect(slice.acked).toBe(true);
    // The original is untouched: batches are shared by replicas and messages.
    expect(recordAt(batch, 1)).toEqual(records[1]);
  });

  it('may be empty', () => {
    const empty = sliceBatch(batch, 44, 50, 9);
    expect([empty.count, empty.maxTs, empty.bytes]).toEqual([0, 0, RECORD_BATCH_OVERHEAD]);
  });
});
