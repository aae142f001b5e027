import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode, utf8Length } from '../../src/engine/kernels';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

describe('utf8Encode', () => {
  it.each([
    ['', ''],
    ['abc', '616263'],
    ['\u0000', '00'],
    ['é', 'c3a9'],
    ['߿', 'dfbf'],
    ['€', 'e282ac'],
    ['订单', 'e8aea2e58d95'],
    ['\uffff', 'efbfbf'],
    ['😀', 'f09f9880'],
    ['\u{10ffff}', 'f48fbfbf'],
  ])('%j -> %s', (s, expected) => {
    expect(hex(utf8Encode(s))).toBe(expected);
  });

  // Java's String.getBytes(UTF_8) replaces each malformed surrogate with '?'.
  it.each([
    ['\ud800', '3f'],
    ['\udc00', '3f'],
    ['a\ud800b', '613f62'],
    ['\ud83d\ud83d\ude00', '3ff09f9880'],
    ['\ude00\ud83d', '3f3f'],
    ['x\ud83d', '783f'],
  ])('lone surrogates in %j -> %s', (s, expected) => {
    expect(hex(utf8Encode(s))).toBe(expected);
    expect(utf8Length(s)).toBe(expected.length / 2);
  });

  it('matches Buffer.from(s, "utf8") for well-formed strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        fc.pre(isWellFormed(s));
        expect(hex(utf8Encode(s))).toBe(Buffer.from(s, 'utf8').toString('hex'));
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  });

  it('utf8Length equals the encoded length for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          expect(utf8Length(s)).toBe(utf8Encode(s).length);
        },
      ),
    );
  });
});

describe('utf8Decode', () => {
  it('round-trips well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        fc.pre(isWellFormed(s));
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
  });

  it('decodes any bytes exactly as Node does, malformed ones to U+FFFD', () => {
    for (const bytes of [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x61, 0x80, 0x62]]) {
      const b = Uint8Array.from(bytes);
      expect(utf8Decode(b)).toBe(Buffer.from(b).toString('utf8'));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        expect(utf8Decode(b)).toBe(Buffer.from(b).toString('utf8'));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles long inputs', () => {
    const s = 'ab€😀'.repeat(5000);
    expect(utf8Decode(utf8Encode(s))).toBe(s);
  });
});
