// Message layouts as data. A Codec reads and writes one type; `struct` lists a message's fields in
// wire order (as Kafka's message JSON does), so one definition gives the decoder, the encoder and
// the TypeScript type, and the two directions cannot disagree.
import type { Reader } from './bytes/reader';
import type { Writer } from './bytes/writer';

export interface Codec<T> {
  read(r: Reader): T;
  write(w: Writer, value: T): void;
  /** The layout as data, so tools (tests, generators) can walk a message without decoding it. */
  readonly shape: Shape;
}

export type PrimitiveShape =
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'string'
  | 'nullableString'
  | 'bytes'
  | 'nullableBytes';

export type Shape =
  | PrimitiveShape
  | { kind: 'array'; element: Shape; nullable: boolean }
  | { kind: 'struct'; fields: Readonly<Record<string, Shape>> }
  | { kind: 'defaults'; inner: Shape; defaults: Readonly<Record<string, unknown>> };

export type Infer<C> = C extends Codec<infer T> ? T : never;

function primitive<T>(
  shape: PrimitiveShape,
  read: (r: Reader) => T,
  write: (w: Writer, v: T) => void,
): Codec<T> {
  return { read, write, shape };
}

export const int8 = primitive<number>(
  'int8',
  (r) => r.int8(),
  (w, v) => w.int8(v),
);
export const int16 = primitive<number>(
  'int16',
  (r) => r.int16(),
  (w, v) => w.int16(v),
);
export const int32 = primitive<number>(
  'int32',
  (r) => r.int32(),
  (w, v) => w.int32(v),
);
/** int64 as an exact JS number (values beyond ±(2^53 - 1) are refused, see README). */
export const int64 = primitive<number>(
  'int64',
  (r) => r.int64(),
  (w, v) => w.int64(v),
);
export const bool = primitive<boolean>(
  'bool',
  (r) => r.bool(),
  (w, v) => w.bool(v),
);
export const string = primitive<string>(
  'string',
  (r) => r.string(),
  (w, v) => w.string(v),
);
export const nullableString = primitive<string | null>(
  'nullableString',
  (r) => r.nullableString(),
  (w, v) => w.nullableString(v),
);
export const bytes = primitive<Uint8Array>(
  'bytes',
  (r) => r.bytes(),
  (w, v) => w.bytes(v),
);
export const nullableBytes = primitive<Uint8Array | null>(
  'nullableBytes',
  (r) => r.nullableBytes(),
  (w, v) => w.nullableBytes(v),
);

export function array<T>(element: Codec<T>): Codec<T[]> {
  return {
    read: (r) => readElements(r, element, r.arrayLength(false) as number),
    write: (w, values) => writeElements(w, element, values),
    shape: { kind: 'array', element: element.shape, nullable: false },
  };
}

/** An array that may be null on the wire (count -1). */
export function nullableArray<T>(element: Codec<T>): Codec<T[] | null> {
  return {
    read(r) {
      const count = r.arrayLength(true);
      return count === null ? null : readElements(r, element, count);
    },
    write: (w, values) =>
      values === null ? w.arrayLength(null) : writeElements(w, element, values),
    shape: { kind: 'array', element: element.shape, nullable: true },
  };
}

function readElements<T>(r: Reader, element: Codec<T>, count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    r.enter(i);
    out.push(element.read(r));
    r.leave();
  }
  return out;
}

function writeElements<T>(w: Writer, element: Codec<T>, values: readonly T[]): void {
  w.arrayLength(values.length);
  for (const v of values) element.write(w, v);
}

type Fields = Record<string, Codec<unknown>>;
type StructOf<F extends Fields> = { [K in keyof F]: Infer<F[K]> };

/** Fields in wire order (object key order is insertion order for non-numeric keys). */
export function struct<F extends Fields>(fields: F): Codec<StructOf<F>> {
  const entries = Object.entries(fields);
  return {
    read(r) {
      const out: Record<string, unknown> = {};
      for (const [name, codec] of entries) {
        r.enter(name);
        out[name] = codec.read(r);
        r.leave();
      }
      return out as StructOf<F>;
    },
    write(w, value) {
      const record = value as Record<string, unknown>;
      for (const [name, codec] of entries) codec.write(w, record[name]);
    },
    shape: {
      kind: 'struct',
      fields: Object.fromEntries(entries.map(([name, codec]) => [name, codec.shape])),
    },
  };
}

/**
 * A version of a message that lacks some fields of the newest one: reading fills them with
 * Kafka's defaults (as Kafka's generated message classes do), writing leaves them out.
 */
export function withDefaults<T extends object, D extends object>(
  codec: Codec<T>,
  defaults: D,
): Codec<T & D> {
  return {
    read: (r) => ({ ...defaults, ...codec.read(r) }),
    write: (w, value) => codec.write(w, value),
    shape: {
      kind: 'defaults',
      inner: codec.shape,
      defaults: { ...defaults } as Record<string, unknown>,
    },
  };
}
