// The worker's messages as text, for a WebSocket (the page showing `npm run broker`'s engine).
// postMessage clones values that JSON cannot hold: Infinity and NaN (a play head's "every
// command"), undefined in arrays, and bytes. Each is written as a one-key tag object and read
// back as what it was, so a message arrives as the structured clone would have delivered it.
import { base64Decode, base64Encode } from '../engine';

const TAG = '$wire';

type Tagged =
  { [TAG]: 'Infinity' | '-Infinity' | 'NaN' | 'undefined' } | { [TAG]: 'bytes'; base64: string };

export function encodeWireMessage(message: unknown): string {
  return JSON.stringify(message, function (this: unknown, _key, value: unknown) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return { [TAG]: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' };
    }
    // In an array JSON would write null; as a property it would drop the key, which reads the same.
    if (value === undefined && Array.isArray(this)) return { [TAG]: 'undefined' };
    if (value instanceof Uint8Array) return { [TAG]: 'bytes', base64: base64Encode(value) };
    return value;
  });
}

/** Throws a SyntaxError for text that is not JSON (the caller reports it). */
export function decodeWireMessage(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (!isTagged(value)) return value;
    switch (value[TAG]) {
      case 'Infinity':
        return Infinity;
      case '-Infinity':
        return -Infinity;
      case 'NaN':
        return NaN;
      case 'undefined':
        return undefined;
      case 'bytes':
        return base64Decode(value.base64);
    }
  });
}

function isTagged(value: unknown): value is Tagged {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>)[TAG] === 'string'
  );
}
