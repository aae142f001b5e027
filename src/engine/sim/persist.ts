// save() and restore: the world as plain JSON. Record batches are shared between replicas and
// messages (and carry the "acked" mark), so they are stored once in a table and referenced by id.
// With a SharedLogStore (the timeline's checkpoints), the older part of every log is not copied
// at all: the saved log names chunks kept in the store (sharedLogs.ts).
import { settleLog } from '../broker/log';
import { restoredQueue, savedQueue, type SavedQueue } from './queue';
import type { SharedLogStore, SharedRun } from './sharedLogs';
import type { Batch, LogState, Segment, Task, World } from './world';

interface SavedWorld {
  world: unknown;
  batches: Record<string, Batch>;
  /** The store's batch chunks the logs name (absent when saved without a store). */
  batchChunks?: number[];
}

const isBatch = (v: unknown): v is Batch =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Batch).bid === 'number' &&
  Array.isArray((v as Batch).data);

/** A log as saved with a store: its batches and segments as chunks plus an inline tail. */
type SharedLog = Omit<LogState, 'batches' | 'segments'> & {
  batches: SharedRun<Batch>;
  segments: SharedRun<Segment>;
};

export function saveWorld(world: World, store?: SharedLogStore): SavedWorld {
  // A log's dropped prefix (below its log start) is not part of the state.
  for (const b of world.brokers) for (const log of Object.values(b.logs)) settleLog(log);
  const shared = new Map<LogState, SharedLog>();
  const batchChunks = new Set<number>();
  if (store) {
    for (const b of world.brokers) {
      for (const log of Object.values(b.logs)) {
        const key = `${b.id}/${log.topic}/${log.partition}`;
        const batches = store.shareBatches(key, log.batches);
        for (const id of batches.$chunks) batchChunks.add(id);
        const segments = store.shareSegments(key, log.segments);
        shared.set(log, { ...log, batches, segments });
      }
    }
  }
  const batches: Record<string, Batch> = {};
  const worldJson = JSON.stringify(world, (_key, value: unknown) => {
    if (value === world.queue) return savedQueue(world.queue);
    if (isBatch(value)) {
      batches[value.bid] = value;
      return { $batch: value.bid };
    }
    return shared.get(value as LogState) ?? value;
  });
  return {
    world: JSON.parse(worldJson),
    batches: JSON.parse(JSON.stringify(batches)),
    ...(store ? { batchChunks: [...batchChunks] } : {}),
  };
}

/** The chunk ids a saved world names (what a checkpoint keeps alive in its store). */
export function chunksOf(state: unknown): number[] {
  if (typeof state !== 'object' || state === null) return [];
  const saved = state as SavedWorld;
  const ids = new Set(saved.batchChunks ?? []);
  const logsOf = (world: unknown) =>
    (
      (world as { brokers?: { logs: Record<string, { segments: unknown }> }[] }).brokers ?? []
    ).flatMap((b) => Object.values(b.logs));
  for (const log of logsOf(saved.world)) {
    const segments = log.segments as { $chunks?: number[] };
    for (const id of segments.$chunks ?? []) ids.add(id);
  }
  return [...ids];
}

export function restoreWorld(state: unknown, store?: SharedLogStore): World {
  const saved = state as SavedWorld;
  const copy = JSON.parse(JSON.stringify(saved)) as SavedWorld;
  // Batches kept in the store are the same objects the logs share: a batch the checkpoint also
  // saw in a message or a consumer's buffer must come back as that one object.
  const sharedBatches = new Map<number, Batch>();
  if (saved.batchChunks && saved.batchChunks.length > 0) {
    if (!store)
      throw new Error('this saved state names shared log chunks: restore it with its store');
    for (const id of saved.batchChunks)
      for (const b of store.batchesOf(id)) sharedBatches.set(b.bid, b);
  }
  const relink = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = relink(value[i]);
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as { $batch?: number }).$batch;
    if (typeof ref === 'number') return sharedBatches.get(ref) ?? copy.batches[ref];
    // Maps keyed by user-given names have no prototype (dict.ts); JSON gave every object one.
    Object.setPrototypeOf(value, null);
    for (const key of Object.keys(value))
      (value as Record<string, unknown>)[key] = relink((value as Record<string, unknown>)[key]);
    if (isSharedLog(value)) return unshare(value, store!);
    return value;
  };
  const world = relink(copy.world) as World;
  world.queue = restoredQueue(world.queue as unknown as SavedQueue<Task>);
  return world;
}

function isSharedLog(value: object): value is SharedLog {
  const batches = (value as { batches?: unknown }).batches;
  return (
    typeof batches === 'object' &&
    batches !== null &&
    !Array.isArray(batches) &&
    Array.isArray((batches as { $chunks?: unknown }).$chunks)
  );
}

/** A saved shared log made whole again: its chunks from the store, then its inline tail. */
function unshare(log: SharedLog, store: SharedLogStore): LogState {
  const batches: Batch[] = [];
  // restoreWorld already put each chunk's acknowledgement marks back.
  for (const id of log.batches.$chunks) for (const b of store.batchesIn(id)) batches.push(b);
  for (const b of log.batches.tail) batches.push(b);
  const segments: Segment[] = [];
  for (const id of log.segments.$chunks) for (const s of store.segmentsOf(id)) segments.push(s);
  for (const s of log.segments.tail) segments.push(s);
  return Object.assign(log, { batches, segments }) as unknown as LogState;
}
