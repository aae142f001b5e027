// What every public decode function returns instead of throwing: the value, or a description of
// what was wrong with the bytes (which field, and why).

export type DecodeErrorReason =
  /** A fixed-size field (int, bool) runs past the end of the data. */
  | 'truncated'
  /** A string, bytes or array length is negative where Kafka does not allow null. */
  | 'negative-length'
  /** A string, bytes or array length promises more bytes than are left. */
  | 'length-beyond-frame'
  /** An int64 outside ±(2^53 - 1): this layer keeps int64s as exact JS numbers (see README). */
  | 'int64-not-safe'
  /** A varint longer than its type allows, or cut short. */
  | 'malformed-varint'
  /** The request header names an API key this broker does not serve. */
  | 'unknown-api-key'
  /** A known API at a version this broker does not serve (or a payload version it cannot read). */
  | 'unsupported-version'
  /** Anything else that makes the bytes unreadable (a bad magic, a CRC mismatch, ...). */
  | 'malformed';

export interface DecodeError {
  reason: DecodeErrorReason;
  /** Path of the field being read, e.g. `body.topics[0].partitions[2].fetchOffset`. */
  field: string;
  message: string;
}

export type DecodeResult<T, E extends DecodeError = DecodeError> =
  { ok: true; value: T } | { ok: false; error: E };
