// Checkpoints that share the logs' history instead of copying it (issue 16). A checkpoint is a
// saved world; the logs are most of it and grow all session long, while their older part never
// changes: a stored batch is immutable apart from its `acked` mark, and closed segments do not
// change until a truncation reaches them. So the timeline keeps that older part once, here, in
// chunks, and each checkpoint names the chunks it uses.
//
// A chunk is the run of one replica log's batches whose ids fall in one bucket of
// `batchBucket` ids (or its segments whose base offsets fall in one bucket of `offsetBucket`
// offsets); the bucket still being written is saved inline. Each save compares a log's chunks
// with the newest version kept for them, by the batch objects themselves and their marks (or
// the segments' numbers), so a chunk that changed in any way becomes a new version: never a
// hash, never a guess. Batches are shared as objects with the live engine (no copy); segments,
// which the engine changes in place, are kept as numbers and rebuilt on restore. A restore puts
// the shared batches' `acked` marks back as they were at that save: the engine restored last is
// the only one that may run on (the timeline's session holds one engine at a time).
import { batchHeapBytes } from '../view/memory';
import type { Batch, Segment } from './world';

export interface SharedLogOptions {
  /** Batch ids per chunk (ids are global, so a log's chunk holds its share of them). */
  batchBucket: number;
  /** Offsets per chunk of segments (by each segment's base offset). */
  offsetBucket: number;
}

export const DEFAULT_SHARED_LOG_OPTIONS: SharedLogOptions = {
  batchBucket: 4096,
  offsetBucket: 4096,
};

interface BatchChunk {
  kind: 'batches';
  batches: Batch[];
  /** Each batch's `acked` mark when the chunk was kept (the one field that changes later). */
  acked: boolean[];
}

interface SegmentChunk {
  kind: 'segments';
  /** SEGMENT_FIELDS numbers per segment, in the order of `segmentValues`. */
  values: number[];
}

type Chunk = BatchChunk | SegmentChunk;

const SEGMENT_FIELDS = 5;
/** A chunk's own object and arrays. */
const CHUNK_HEAP_BYTES = 64;

function segmentValues(s: Segment): [number, number, number, number, number] {
  return [s.baseOffset, s.bytes, s.records, s.firstTs, s.maxTs];
}

/** A saved log's batches or segments: shared chunks, then the rest inline. */
export interface SharedRun<T> {
  $chunks: number[];
  tail: T[];
}

export class SharedLogStore {
  private readonly chunks = new Map<number, Chunk>();
  /** The newest chunk id for each "log key / kind / bucket". */
  private readonly newest = new Map<string, number>();
  private nextId = 1;

  constructor(readonly options: SharedLogOptions = DEFAULT_SHARED_LOG_OPTIONS) {}

  /** Split a log's live batches into shared chunks and an inline tail, keeping new chunks. */
  shareBatches(logKey: string, batches: readonly Batch[]): SharedRun<Batch> {
    const bucketOf = (b: Batch) => Math.floor(b.bid / this.options.batchBucket);
    return this.share(logKey, 'b', batches, bucketOf, (run) => ({
      matches: (chunk) =>
        chunk.kind === 'batches' &&
        chunk.batches.length === run.length &&
        run.every((b, i) => chunk.batches[i] === b && chunk.acked[i] === b.acked),
      make: () => ({ kind: 'batches', batches: run, acked: run.map((b) => b.acked) }),
    }));
  }

  /** Split a log's live segments into shared chunks and an inline tail, keeping new chunks. */
  shareSegments(logKey: string, segments: readonly Segment[]): SharedRun<Segment> {
    const bucketOf = (s: Segment) => Math.floor(s.baseOffset / this.options.offsetBucket);
    return this.share(logKey, 's', segments, bucketOf, (run) => {
      const values = run.flatMap(segmentValues);
      return {
        matches: (chunk) =>
          chunk.kind === 'segments' &&
          chunk.values.length === values.length &&
          chunk.values.every((v, i) => v === values[i]),
        make: () => ({ kind: 'segments', values }),
      };
    });
  }

  /** The batches of a chunk, with the marks they had when it was kept (restored onto them). */
  batchesOf(id: number): Batch[] {
    const batches = this.batchesIn(id);
    const acked = (this.chunks.get(id) as BatchChunk).acked;
    batches.forEach((b, i) => (b.acked = acked[i]));
    return batches;
  }

  /** The batches of a chunk as they are (their marks untouched). */
  batchesIn(id: number): Batch[] {
    const chunk = this.get(id);
    if (chunk.kind !== 'batches') throw new Error(`chunk ${id} holds no batches`);
    return chunk.batches;
  }

  /** Fresh segment objects for a chunk (the engine changes segments in place). */
  segmentsOf(id: number): Segment[] {
    const chunk = this.get(id);
    if (chunk.kind !== 'segments') throw new Error(`chunk ${id} holds no segments`);
    const out: Segment[] = [];
    const v = chunk.values;
    for (let i = 0; i < v.length; i += SEGMENT_FIELDS) {
      out.push({
        baseOffset: v[i],
        bytes: v[i + 1],
        records: v[i + 2],
        firstTs: v[i + 3],
        maxTs: v[i + 4],
      });
    }
    return out;
  }

  /** Forget every chunk not in `used` (the ids the checkpoints still held name). */
  sweep(used: Iterable<number>): void {
    const keep = new Set(used);
    for (const id of this.chunks.keys()) if (!keep.has(id)) this.chunks.delete(id);
    for (const [key, id] of this.newest) if (!keep.has(id)) this.newest.delete(key);
  }

  /** How many chunks are kept (for tests and the memory account). */
  get size(): number {
    return this.chunks.size;
  }

  /**
   * Estimated heap bytes that the saves naming `chunkLists` (oldest first) hold in this store:
   * each chunk's slots, marks and numbers; and, for chunks the newest save does not name, their
   * batches too. Those are history the live logs no longer hold (retention deleted it, a
   * truncation removed it), kept alive only by older checkpoints, so they count against the
   * checkpoints' budget (the estimate per batch and record is the engine's, view/memory.ts).
   */
  heldBytes(chunkLists: readonly (readonly number[])[]): number {
    const newest = new Set(chunkLists.length > 0 ? chunkLists[chunkLists.length - 1] : []);
    const seen = new Set<number>();
    let bytes = 0;
    for (const list of chunkLists) {
      for (const id of list) {
        if (seen.has(id)) continue;
        seen.add(id);
        const chunk = this.chunks.get(id);
        if (!chunk) continue;
        if (chunk.kind === 'segments') {
          bytes += CHUNK_HEAP_BYTES + chunk.values.length * 8;
          continue;
        }
        bytes += CHUNK_HEAP_BYTES + chunk.batches.length * 16;
        if (!newest.has(id)) for (const b of chunk.batches) bytes += batchHeapBytes(b);
      }
    }
    return bytes;
  }

  /**
   * About how many characters the chunks `ids` would take saved inline, as whole states were
   * (a batch: its encoded size plus its field names; a segment: its five fields): the
   * checkpoints' spacing is measured in those.
   */
  inlineTextBytes(ids: readonly number[]): number {
    let bytes = 0;
    for (const id of ids) {
      const chunk = this.chunks.get(id);
      if (!chunk) continue;
      if (chunk.kind === 'segments') bytes += (chunk.values.length / SEGMENT_FIELDS) * 70;
      else for (const b of chunk.batches) bytes += b.bytes + 40;
    }
    return bytes;
  }

  private get(id: number): Chunk {
    const chunk = this.chunks.get(id);
    if (!chunk) throw new Error(`checkpoint names chunk ${id}, which is no longer kept`);
    return chunk;
  }

  private share<T>(
    logKey: string,
    kind: string,
    items: readonly T[],
    bucketOf: (item: T) => number,
    describe: (run: T[]) => { matches: (chunk: Chunk) => boolean; make: () => Chunk },
  ): SharedRun<T> {
    const ids: number[] = [];
    if (items.length === 0) return { $chunks: ids, tail: [] };
    // The bucket of the newest entry is still being written: it stays inline.
    const openBucket = bucketOf(items[items.length - 1]);
    let i = 0;
    while (i < items.length) {
      const bucket = bucketOf(items[i]);
      if (bucket >= openBucket) break;
      let j = i + 1;
      while (j < items.length && bucketOf(items[j]) === bucket) j++;
      const run = items.slice(i, j);
      const { matches, make } = describe(run);
      const key = `${logKey}/${kind}/${bucket}`;
      const known = this.newest.get(key);
      const chunk = known === undefined ? undefined : this.chunks.get(known);
      if (known !== undefined && chunk && matches(chunk)) {
        ids.push(known);
      } else {
        const id = this.nextId++;
        this.chunks.set(id, make());
        this.newest.set(key, id);
        ids.push(id);
      }
      i = j;
    }
    return { $chunks: ids, tail: items.slice(i) };
  }
}
