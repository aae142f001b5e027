// A real copy of a byte range. `slice()` is not one for a Node Buffer passed in by a caller
// (Buffer#slice returns a view of the same memory), so copies go through a fresh Uint8Array.
export function copyBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  out.set(b);
  return out;
}
