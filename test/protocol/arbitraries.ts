// Random values for any message, derived from its codec's shape: every field of every request and
// response gets exercised without hand-writing samples.
import fc from 'fast-check';
import type { Shape } from '../../src/protocol/codec';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const byteArrays = fc.uint8Array({ maxLength: 24 });

export function arbitraryFor(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape) {
    case 'int8':
      return fc.integer({ min: -0x80, max: 0x7f });
    case 'int16':
      return fc.integer({ min: -0x8000, max: 0x7fff });
    case 'int32':
      return fc.integer({ min: -0x80000000, max: 0x7fffffff });
    case 'int64':
      return fc.oneof(fc.maxSafeInteger(), fc.constantFrom(-1, -2, 0, 2 ** 53 - 1, -(2 ** 53 - 1)));
    case 'bool':
      return fc.boolean();
    case 'string':
      return text;
    case 'nullableString':
      return fc.option(text, { nil: null });
    case 'bytes':
      return byteArrays;
    case 'nullableBytes':
      return fc.option(byteArrays, { nil: null });
  }
  switch (shape.kind) {
    case 'array': {
      const list = fc.array(arbitraryFor(shape.element), { maxLength: 3 });
      return shape.nullable ? fc.option(list, { nil: null }) : list;
    }
    case 'struct':
      return fc.record(
        Object.fromEntries(
          Object.entries(shape.fields).map(([name, field]) => [name, arbitraryFor(field)]),
        ),
      );
    case 'defaults':
      return arbitraryFor(shape.inner).map((v) => ({ ...shape.defaults, ...(v as object) }));
  }
}
