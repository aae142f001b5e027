// Writes Kafka's primitive types (big-endian, non-flexible encodings) into a growing buffer.
// Encoding is done from our own data, so a value that cannot be encoded (an int64 that is not a
// safe integer, a string longer than 32767 bytes) is a programming error and throws RangeError.
import { sizeOfVarint, utf8EncodeInto, utf8Length, writeVarint } from '../../engine/kernels';

const TWO_POW_32 = 4294967296;
const MAX_STRING_BYTES = 0x7fff;

export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.pos;
  }

  /** The bytes written so far (a copy, so the writer can be reused or dropped). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  /**
   * Reserves `size` bytes and returns where they start. Growing replaces `buf` and `view`: call
   * this before touching either (`this.view.set...(this.reserve(4), ...)` would read the old view).
   */
  private reserve(size: number): number {
    if (this.pos + size > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + size));
      next.set(this.buf.subarray(0, this.pos));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.pos;
    this.pos += size;
    return at;
  }

  int8(n: number): this {
    const value = checkInt(n, -0x80, 0x7f, 'int8');
    const at = this.reserve(1);
    this.view.setInt8(at, value);
    return this;
  }

  int16(n: number): this {
    const value = checkInt(n, -0x8000, 0x7fff, 'int16');
    const at = this.reserve(2);
    this.view.setInt16(at, value);
    return this;
  }

  int32(n: number): this {
    const value = checkInt(n, -0x80000000, 0x7fffffff, 'int32');
    const at = this.reserve(4);
    this.view.setInt32(at, value);
    return this;
  }

  uint32(n: number): this {
    const value = checkInt(n, 0, 0xffffffff, 'uint32');
    const at = this.reserve(4);
    this.view.setUint32(at, value);
    return this;
  }

  /** Overwrites an int32 written earlier (a size prefix). */
  int32At(offset: number, n: number): this {
    this.view.setInt32(offset, checkInt(n, -0x80000000, 0x7fffffff, 'int32'));
    return this;
  }

  int64(n: number): this {
    if (!Number.isSafeInteger(n)) throw new RangeError(`int64 ${n} is not a safe integer`);
    const at = this.reserve(8);
    const high = Math.floor(n / TWO_POW_32);
    this.view.setInt32(at, high);
    this.view.setUint32(at + 4, n - high * TWO_POW_32);
    return this;
  }

  bool(b: boolean): this {
    return this.int8(b ? 1 : 0);
  }

  string(s: string): this {
    return this.nullableString(s);
  }

  nullableString(s: string | null): this {
    if (s === null) return this.int16(-1);
    const length = utf8Length(s);
    if (length > MAX_STRING_BYTES) {
      throw new RangeError(`string of ${length} bytes exceeds ${MAX_STRING_BYTES}`);
    }
    this.int16(length);
    const at = this.reserve(length);
    utf8EncodeInto(s, this.buf, at);
    return this;
  }

  bytes(b: Uint8Array): this {
    return this.nullableBytes(b);
  }

  nullableBytes(b: Uint8Array | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    return this.raw(b);
  }

  /** Bytes as they are, with no length in front. */
  raw(b: Uint8Array): this {
    const at = this.reserve(b.length);
    this.buf.set(b, at);
    return this;
  }

  arrayLength(count: number | null): this {
    return this.int32(count === null ? -1 : count);
  }

  varint(n: number): this {
    checkInt(n, -0x80000000, 0x7fffffff, 'varint');
    return this.zigZag(n);
  }

  varlong(n: number): this {
    if (!Number.isSafeInteger(n)) throw new RangeError(`varlong ${n} is not a safe integer`);
    return this.zigZag(n);
  }

  private zigZag(n: number): this {
    const at = this.reserve(sizeOfVarint(n));
    writeVarint(this.buf, at, n);
    return this;
  }
}

/** Bytes written by `fill`, with Kafka's int32 size prefix in front. */
export function framed(fill: (w: Writer) => void): Uint8Array {
  const w = new Writer();
  w.int32(0);
  fill(w);
  w.int32At(0, w.length - 4);
  return w.finish();
}

function checkInt(n: number, min: number, max: number, type: string): number {
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RangeError(`${n} does not fit ${type} [${min}, ${max}]`);
  }
  return n;
}
