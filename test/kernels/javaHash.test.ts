import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaStringHashCode, kafkaAbs, partitionForGroup } from '../../src/engine/kernels';

describe('javaStringHashCode', () => {
  it.each([
    ['', 0],
    ['a', 97],
    ['hello', 99162322],
    ['consumer1', -421004549],
    ['polygenelubricants', -2147483648],
    ['订单', 1129459],
  ])('%j -> %i', (s, expected) => {
    expect(javaStringHashCode(s)).toBe(expected);
  });

  it('is an int32 and follows h = 31*h + c', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1, maxLength: 1 }), (s, c) => {
        const h = javaStringHashCode(s + c);
        expect(h | 0).toBe(h);
        expect(h).toBe((Math.imul(javaStringHashCode(s), 31) + c.charCodeAt(0)) | 0);
      }),
    );
  });
});

describe('kafkaAbs', () => {
  it('maps INT_MIN to 0 and otherwise is |n|', () => {
    expect(kafkaAbs(-2147483648)).toBe(0);
    expect(kafkaAbs(-5)).toBe(5);
    expect(kafkaAbs(7)).toBe(7);
    expect(kafkaAbs(0)).toBe(0);
  });
});

describe('partitionForGroup', () => {
  it('is abs(hashCode) % partitions', () => {
    expect(partitionForGroup('hello', 50)).toBe(99162322 % 50);
    expect(partitionForGroup('polygenelubricants', 50)).toBe(0);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 200 }), (g, n) => {
        const p = partitionForGroup(g, n);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(n);
      }),
    );
  });
});
