// save() and restore: the world as plain JSON. Record batches are shared between replicas and
// messages (and carry the "acked" mark), so they are stored once in a table and referenced by id.
import { settleLog } from '../broker/log';
import type { Batch, World } from './world';

interface SavedWorld {
  world: unknown;
  batches: Record<string, Batch>;
}

const isBatch = (v: unknown): v is Batch =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Batch).bid === 'number' &&
  Array.isArray((v as Batch).data);

export function saveWorld(world: World): SavedWorld {
  // A log's dropped prefix (below its log start) is not part of the state.
  for (const b of world.brokers) for (const log of Object.values(b.logs)) settleLog(log);
  const batches: Record<string, Batch> = {};
  const worldJson = JSON.stringify(world, (_key, value: unknown) => {
    if (!isBatch(value)) return value;
    batches[value.bid] = value;
    return { $batch: value.bid };
  });
  return { world: JSON.parse(worldJson), batches: JSON.parse(JSON.stringify(batches)) };
}

export function restoreWorld(state: unknown): World {
  const saved = state as SavedWorld;
  const copy = JSON.parse(JSON.stringify(saved)) as SavedWorld;
  const relink = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = relink(value[i]);
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as { $batch?: number }).$batch;
    if (typeof ref === 'number') return copy.batches[ref];
    // Maps keyed by user-given names have no prototype (dict.ts); JSON gave every object one.
    Object.setPrototypeOf(value, null);
    for (const key of Object.keys(value))
      (value as Record<string, unknown>)[key] = relink((value as Record<string, unknown>)[key]);
    return value;
  };
  return relink(copy.world) as World;
}
