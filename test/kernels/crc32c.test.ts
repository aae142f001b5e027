import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32c } from '../../src/engine/kernels';

/** Bit-at-a-time reference: the textbook definition, no tables. */
function crc32cReference(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('gives the Castagnoli check value', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
  });

  it('matches the bitwise definition and stays unsigned', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const c = crc32c(data);
        expect(c).toBe(crc32cReference(data));
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(0xffffffff);
      }),
    );
  });

  it('computes a range as if it were sliced out', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.nat(), fc.nat(), (data, a, b) => {
        const start = data.length ? a % (data.length + 1) : 0;
        const end = start + (data.length - start ? b % (data.length - start + 1) : 0);
        expect(crc32c(data, start, end)).toBe(crc32cReference(data.slice(start, end)));
      }),
    );
  });
});
