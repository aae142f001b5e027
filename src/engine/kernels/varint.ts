// Zig-zag base-128 varints (protobuf style) as Kafka's record format v2 uses them (§9.3).
// Values are JS numbers; varlongs are exact up to 2^53 (timestamps and offsets in the sim are).

const TWO_POW_7 = 128;

/** Zig-zag mapping: 0,-1,1,-2,... -> 0,1,2,3,... (arithmetic, so it works beyond 32 bits). */
export function zigZagEncode(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

export function zigZagDecode(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** Encoded size of a zig-zag varint or varlong. */
export function sizeOfVarint(n: number): number {
  let z = zigZagEncode(n);
  let size = 1;
  while (z >= TWO_POW_7) {
    z = Math.floor(z / TWO_POW_7);
    size++;
  }
  return size;
}

/** Writes a zig-zag varint at `offset`; returns the offset after it. */
export function writeVarint(out: Uint8Array, offset: number, n: number): number {
  let z = zigZagEncode(n);
  let p = offset;
  while (z >= TWO_POW_7) {
    out[p++] = (z % TWO_POW_7) | 0x80;
    z = Math.floor(z / TWO_POW_7);
  }
  out[p++] = z;
  return p;
}

/** A cursor over bytes for decoding. */
export interface ByteCursor {
  readonly bytes: Uint8Array;
  pos: number;
}

/** Reads a zig-zag varint/varlong (at most 10 bytes) and advances the cursor. */
export function readVarint(cursor: ByteCursor): number {
  let z = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (cursor.pos >= cursor.bytes.length) throw new Error('varint runs past the end of the data');
    const b = cursor.bytes[cursor.pos++];
    z += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return zigZagDecode(z);
    scale *= TWO_POW_7;
  }
  throw new Error('varint longer than 10 bytes');
}
