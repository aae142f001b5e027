// The primitive reader and writer: exact int64s, Kafka's null rules, growth, bounds.
import { describe, expect, it } from 'vitest';
import { DecodeFailure, Reader, Writer } from '../../src/protocol';

function failureOf(read: () => unknown) {
  try {
    read();
  } catch (e) {
    if (e instanceof DecodeFailure) return e.detail;
    throw e;
  }
  throw new Error('no failure');
}

describe('Writer and Reader', () => {
  it('round-trip every primitive', () => {
    const w = new Writer(1);
    w.int8(-128).int16(32767).int32(-2147483648).uint32(4294967295);
    w.int64(2 ** 53 - 1)
      .int64(-(2 ** 53 - 1))
      .int64(-1)
      .int64(1700000000000);
    w.bool(true)
      .string('订单 orders')
      .nullableString(null)
      .bytes(new Uint8Array([1, 2]));
    w.nullableBytes(null).varint(-2147483648).varlong(1509928155660);
    const r = new Reader(w.finish());
    expect([r.int8(), r.int16(), r.int32(), r.uint32()]).toEqual([
      -128, 32767, -2147483648, 4294967295,
    ]);
    expect([r.int64(), r.int64(), r.int64(), r.int64()]).toEqual([
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      -1,
      1700000000000,
    ]);
    expect([r.bool(), r.string(), r.nullableString(), r.bytes()]).toEqual([
      true,
      '订单 orders',
      null,
      new Uint8Array([1, 2]),
    ]);
    expect([r.nullableBytes(), r.varint(), r.varlong()]).toEqual([
      null,
      -2147483648,
      1509928155660,
    ]);
    expect(r.remaining).toBe(0);
  });

  it('bytes are copied out, even from a Node Buffer (whose slice() is a view)', () => {
    const frame = Buffer.from([0, 0, 0, 2, 7, 8]);
    const b = new Reader(frame).bytes();
    frame[4] = 0;
    expect(b).toEqual(new Uint8Array([7, 8]));
    expect(Buffer.isBuffer(b)).toBe(false);
  });

  it('grows past its initial capacity without losing bytes', () => {
    const w = new Writer(2);
    for (let i = 0; i < 5000; i++) w.int32(i).string(`s${i}`);
    const r = new Reader(w.finish());
    for (let i = 0; i < 5000; i++) expect([r.int32(), r.string()]).toEqual([i, `s${i}`]);
  });

  it('refuses an int64 beyond ±(2^53 - 1) instead of rounding it', () => {
    for (const hex of ['0020000000000000', 'ffe0000000000000', '7fffffffffffffff']) {
      const bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
      expect(failureOf(() => new Reader(bytes).int64())).toMatchObject({
        reason: 'int64-not-safe',
      });
    }
    expect(() => new Writer().int64(2 ** 53)).toThrow(RangeError);
  });

  it('reads any non-zero byte as true, as Kafka does', () => {
    expect(new Reader(new Uint8Array([2])).bool()).toBe(true);
  });

  it('treats any negative length of a nullable field as null, and refuses it for a non-nullable one', () => {
    const minusSeven = new Uint8Array([0xff, 0xf9]);
    expect(new Reader(minusSeven).nullableString()).toBeNull();
    expect(failureOf(() => new Reader(minusSeven).string())).toMatchObject({
      reason: 'negative-length',
    });
    const minusOne32 = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
    expect(failureOf(() => new Reader(minusOne32).bytes())).toMatchObject({
      reason: 'negative-length',
    });
    expect(failureOf(() => new Reader(minusOne32).arrayLength(false))).toMatchObject({
      reason: 'negative-length',
    });
    expect(new Reader(minusOne32).arrayLength(true)).toBeNull();
  });

  it('refuses lengths beyond the data before allocating', () => {
    const huge = new Uint8Array([0x7f, 0xff, 0xff, 0xff, 1, 2]);
    expect(failureOf(() => new Reader(huge).bytes())).toMatchObject({
      reason: 'length-beyond-frame',
    });
    expect(failureOf(() => new Reader(huge).arrayLength(false))).toMatchObject({
      reason: 'length-beyond-frame',
    });
    expect(failureOf(() => new Reader(new Uint8Array([0, 5, 0x61])).string())).toMatchObject({
      reason: 'length-beyond-frame',
    });
  });

  it('reports truncation with the field path', () => {
    const r = new Reader(new Uint8Array([0, 0, 0]));
    r.enter('body');
    r.enter('topics');
    r.enter(2);
    r.enter('partition');
    expect(failureOf(() => r.int32())).toEqual({
      reason: 'truncated',
      field: 'body.topics[2].partition',
      message: 'body.topics[2].partition: int32 needs 4 bytes, 3 left',
    });
  });

  it('refuses varints that are too long or cut short', () => {
    const six = new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(failureOf(() => new Reader(six).varint())).toMatchObject({ reason: 'malformed-varint' });
    expect(new Reader(six).varlong()).toBe(zigZag(2 ** 35));
    expect(failureOf(() => new Reader(new Uint8Array([0x80])).varlong())).toMatchObject({
      reason: 'malformed-varint',
    });
  });

  it('refuses to encode what does not fit', () => {
    expect(() => new Writer().int16(40000)).toThrow(RangeError);
    expect(() => new Writer().int32(1.5)).toThrow(RangeError);
    expect(() => new Writer().string('x'.repeat(32768))).toThrow(RangeError);
    const w = new Writer();
    expect(() => w.int8(200)).toThrow(RangeError);
    expect(w.length).toBe(0);
  });
});

function zigZag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}
