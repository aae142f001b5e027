import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive, utf8Encode } from '../../src/engine/kernels';

describe('murmur2', () => {
  it('hashes the empty input to 0x106e08d9 (kafka-spec §2)', () => {
    expect(murmur2(new Uint8Array())).toBe(275646681);
  });

  it('covers every tail length', () => {
    // Kafka's UtilsTest vectors with 0..3 tail bytes.
    expect(murmur2(utf8Encode('21'))).toBe(-973932308);
    expect(murmur2(utf8Encode('abc'))).toBe(479470107);
    expect(murmur2(utf8Encode('foobar'))).toBe(-790332482);
    expect(murmur2(utf8Encode('a-little-bit-long-string'))).toBe(-985981536);
  });

  it('always returns a signed int32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (data) => {
        const h = murmur2(data);
        expect(Number.isInteger(h)).toBe(true);
        expect(h | 0).toBe(h);
      }),
    );
  });

  it('reads only the view it is given (subarrays)', () => {
    const backing = Uint8Array.from([9, 9, 0x61, 0x62, 0x63, 9]);
    expect(murmur2(backing.subarray(2, 5))).toBe(479470107);
  });
});

describe('toPositive', () => {
  it('clears the sign bit instead of negating', () => {
    expect(toPositive(-2147483648)).toBe(0);
    expect(toPositive(-1)).toBe(2147483647);
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(5)).toBe(5);
  });

  it('wraps numbers beyond int32 like JS `&` (KafkaJS counters grow past 2^32)', () => {
    expect(toPositive(2 ** 32 + 7)).toBe(7);
    expect(toPositive(2 ** 31)).toBe(0);
  });
});

describe('partitionForKey', () => {
  it('hashes string keys as UTF-8', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (key, n) => {
        const p = partitionForKey(key, n);
        expect(p).toBe(partitionForKey(utf8Encode(key), n));
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(n);
      }),
    );
  });

  it('hashes an empty key (only null means "no key")', () => {
    expect(partitionForKey('', 1000)).toBe(681);
  });
});
