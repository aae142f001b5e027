// The engine's base64 (kernels/base64.ts) against Node's, which follows RFC 4648: every length
// mod 3, every byte value, and the errors it must raise instead of guessing.
import { describe, expect, it } from 'vitest';
import { base64ByteLength, base64Decode, base64Encode } from '../../src/engine/kernels';

describe('base64', () => {
  it('encodes and decodes as RFC 4648 does, for every byte and every padding', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 20; n++) {
      const bytes = all.subarray(250 - n * 10 > 0 ? 250 - n * 10 : 0).subarray(0, n);
      const text = base64Encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ByteLength(text)).toBe(n);
      expect(base64Decode(text)).toEqual(bytes);
    }
    expect(base64Decode(base64Encode(all))).toEqual(all);
    const big = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    expect(base64Encode(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('refuses text that is not padded base64, naming what is wrong', () => {
    expect(() => base64Decode('abc')).toThrow(/multiple of 4/);
    expect(() => base64Decode('ab!d')).toThrow(/"!" at 2/);
    expect(() => base64Decode('a=bc')).toThrow(/"=" at 1/);
  });
});
