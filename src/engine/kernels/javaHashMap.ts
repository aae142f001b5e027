// Emulation of java.util.HashMap/HashSet iteration order (kafka-spec §6.6). The sticky assignor
// walks members (and, in its balancing loop, sets of partitions) in HashMap order, which decides
// who keeps a contested partition; to reproduce Java's answers we reproduce that order.
//
// Model: table capacity 16, doubled when size exceeds 0.75 x capacity, and also when a bucket
// would hold a 9th entry while capacity < 64 (treeifyBin resizes instead of treeifying small
// tables). Bucket = (h ^ (h >>> 16)) & (capacity - 1). Iteration: buckets ascending, insertion
// order within a bucket (resizes split buckets without reordering). Not modelled: the order
// inside a treeified bucket (9+ keys in one bucket of a table of 64+), where we keep insertion
// order; Java's tree bins insert after their tree parent instead.

const INITIAL_CAPACITY = 16;
const LOAD_FACTOR = 0.75;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

interface Slot<V> {
  hash: number;
  seq: number;
  value: V;
}

/** A key -> value map that iterates in Java HashMap order for the given int32 key hashes. */
export class JavaHashOrder<V> {
  private readonly slots = new Map<string, Slot<V>>();
  private capacity = INITIAL_CAPACITY;
  private nextSeq = 0;

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  get(key: string): V | undefined {
    return this.slots.get(key)?.value;
  }

  /** Inserts (at the end of its bucket) or replaces the value in place, as HashMap.put does. */
  set(key: string, hash: number, value: V): void {
    const existing = this.slots.get(key);
    if (existing) {
      existing.value = value;
      return;
    }
    const bucket = bucketOf(hash, this.capacity);
    let chainLength = 0;
    for (const slot of this.slots.values())
      if (bucketOf(slot.hash, this.capacity) === bucket) chainLength++;
    this.slots.set(key, { hash: hash | 0, seq: this.nextSeq++, value });
    if (chainLength >= TREEIFY_THRESHOLD && this.capacity < MIN_TREEIFY_CAPACITY)
      this.capacity *= 2;
    if (this.slots.size > this.capacity * LOAD_FACTOR) this.capacity *= 2;
  }

  delete(key: string): boolean {
    return this.slots.delete(key);
  }

  /** Values in Java iteration order. */
  values(): V[] {
    return this.orderedSlots().map((s) => s.value);
  }

  /** The value Java's iterator().next() returns, or undefined when empty. */
  first(): V | undefined {
    let best: Slot<V> | undefined;
    let bestBucket = 0;
    for (const slot of this.slots.values()) {
      const bucket = bucketOf(slot.hash, this.capacity);
      if (!best || bucket < bestBucket || (bucket === bestBucket && slot.seq < best.seq)) {
        best = slot;
        bestBucket = bucket;
      }
    }
    return best?.value;
  }

  private orderedSlots(): Slot<V>[] {
    const cap = this.capacity;
    return [...this.slots.values()].sort(
      (a, b) => bucketOf(a.hash, cap) - bucketOf(b.hash, cap) || a.seq - b.seq,
    );
  }
}

function bucketOf(hash: number, capacity: number): number {
  return (hash ^ (hash >>> 16)) & (capacity - 1);
}

/** Keys in the order a Java HashMap built by inserting them in this order iterates them. */
export function javaHashMapOrder<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  hashOf: (item: T) => number,
): T[] {
  const map = new JavaHashOrder<T>();
  for (const item of items) map.set(keyOf(item), hashOf(item), item);
  return map.values();
}
