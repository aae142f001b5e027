// Reads Kafka's primitive types (big-endian, non-flexible encodings) from a byte range.
// Every read is bounds-checked; a failure throws DecodeFailure, which the public decode functions
// catch and turn into a DecodeResult error. The reader keeps the path of the field it is in, so
// an error says where it happened.
import { readVarint, utf8Decode, type ByteCursor } from '../../engine/kernels';
import type { DecodeError, DecodeErrorReason } from '../decodeResult';
import { copyBytes } from './copy';

const TWO_POW_32 = 4294967296;

/** Thrown inside decoders only; never escapes a public decode function. */
export class DecodeFailure extends Error {
  constructor(readonly detail: DecodeError) {
    super(detail.message);
  }
}

/** The DecodeError for anything a decoder threw: a DecodeFailure's detail, or an unexpected error. */
export function toDecodeError(e: unknown, r: Reader): DecodeError {
  if (e instanceof DecodeFailure) return e.detail;
  return { reason: 'malformed', field: r.fieldPath(), message: String(e) };
}

export class Reader {
  private readonly view: DataView;
  private pos: number;
  private readonly end: number;
  private readonly path: (string | number)[] = [];

  constructor(
    readonly data: Uint8Array,
    start = 0,
    end = data.length,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.pos = start;
    this.end = end;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Enters a named field (or an array index) for error messages; pair with leave(). */
  enter(part: string | number): void {
    this.path.push(part);
  }

  leave(): void {
    this.path.pop();
  }

  fieldPath(): string {
    let out = '';
    for (const part of this.path) {
      out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
    }
    return out;
  }

  fail(reason: DecodeErrorReason, message: string): never {
    const field = this.fieldPath();
    throw new DecodeFailure({ reason, field, message: field ? `${field}: ${message}` : message });
  }

  private need(size: number, what: string): number {
    if (this.end - this.pos < size) {
      this.fail('truncated', `${what} needs ${size} bytes, ${this.end - this.pos} left`);
    }
    const at = this.pos;
    this.pos += size;
    return at;
  }

  int8(): number {
    return this.view.getInt8(this.need(1, 'int8'));
  }

  int16(): number {
    return this.view.getInt16(this.need(2, 'int16'));
  }

  int32(): number {
    return this.view.getInt32(this.need(4, 'int32'));
  }

  uint32(): number {
    return this.view.getUint32(this.need(4, 'uint32'));
  }

  /** An int64 as an exact JS number; values beyond ±(2^53 - 1) are refused, not rounded. */
  int64(): number {
    const at = this.need(8, 'int64');
    const value = this.view.getInt32(at) * TWO_POW_32 + this.view.getUint32(at + 4);
    if (!Number.isSafeInteger(value)) {
      this.fail('int64-not-safe', `int64 ${this.view.getBigInt64(at)} is beyond ±(2^53 - 1)`);
    }
    return value;
  }

  /** Kafka reads any non-zero byte as true. */
  bool(): boolean {
    return this.int8() !== 0;
  }

  /** int16 length + UTF-8; a negative length is refused (Kafka: "non-nullable field"). */
  string(): string {
    const s = this.nullableString();
    if (s === null) this.fail('negative-length', 'non-nullable string was sent as null');
    return s;
  }

  /** int16 length + UTF-8; any negative length is null, as in Kafka's generated readers. */
  nullableString(): string | null {
    const length = this.int16();
    if (length < 0) return null;
    return utf8Decode(this.take(length, 'string'));
  }

  /** int32 length + data, copied out of the frame. */
  bytes(): Uint8Array {
    const b = this.nullableBytes();
    if (b === null) this.fail('negative-length', 'non-nullable bytes were sent as null');
    return b;
  }

  nullableBytes(): Uint8Array | null {
    const length = this.int32();
    if (length < 0) return null;
    return copyBytes(this.take(length, 'bytes'));
  }

  /**
   * An int32 element count. Like Kafka, a count larger than the bytes left is refused before
   * anything is allocated (every element takes at least one byte).
   */
  arrayLength(nullable: boolean): number | null {
    const count = this.int32();
    if (count < 0) {
      if (nullable) return null;
      this.fail('negative-length', `non-nullable array was sent with count ${count}`);
    }
    if (count > this.remaining) {
      this.fail(
        'length-beyond-frame',
        `array count ${count} exceeds the ${this.remaining} bytes left`,
      );
    }
    return count;
  }

  /** Zig-zag varint (record format v2); at most 5 bytes, as Java's ByteUtils.readVarint. */
  varint(): number {
    return this.zigZag(5, 'varint');
  }

  /** Zig-zag varlong; at most 10 bytes; exact while within ±(2^53 - 1). */
  varlong(): number {
    return this.zigZag(10, 'varlong');
  }

  private zigZag(maxBytes: number, what: string): number {
    const start = this.pos;
    const cursor: ByteCursor = { bytes: this.data.subarray(0, this.end), pos: this.pos };
    let value: number;
    try {
      value = readVarint(cursor);
    } catch (e) {
      return this.fail('malformed-varint', `${what}: ${(e as Error).message}`);
    }
    if (cursor.pos - start > maxBytes) {
      this.fail('malformed-varint', `${what} longer than ${maxBytes} bytes`);
    }
    this.pos = cursor.pos;
    return value;
  }

  /** A view of the next `length` bytes (no copy). */
  take(length: number, what: string): Uint8Array {
    if (length > this.remaining) {
      this.fail(
        'length-beyond-frame',
        `${what} length ${length} exceeds the ${this.remaining} bytes left`,
      );
    }
    const at = this.pos;
    this.pos += length;
    return this.data.subarray(at, at + length);
  }
}
