// Checkpoints that share the logs' older part (sim/sharedLogs.ts): a world saved with a store
// and restored from it continues exactly as the original does, however many saves share the
// store's chunks, including across a truncation (an unclean election rewrites a log's middle)
// and retention (a log's front goes). A restore puts the shared batches' acknowledgement marks
// back as they were at that save, so only the engine restored last may run on (the timeline's
// session has one engine at a time); each restored engine here runs before the next restore.
import { describe, expect, it } from 'vitest';
import { createEngine, restoreEngine, SharedLogStore, sharedChunksOf } from '../../src/engine';
import { findBuiltinScenario } from '../../src/scenario';
import type { Engine } from '../../src/engine';

const small = (bucket = 16) => new SharedLogStore({ batchBucket: bucket, offsetBucket: bucket });

function builtin(name: string) {
  const scenario = findBuiltinScenario(name);
  if (!scenario) throw new Error(`no ${name}`);
  return scenario;
}

/** Run `engine` to `until`, then its saved state and its events from `from` on. */
function finish(engine: Engine, until: number) {
  engine.advanceTo(until);
  return { state: JSON.stringify(engine.save()), events: JSON.stringify(engine.drainEvents()) };
}

describe('checkpoints that share the logs', () => {
  // Buckets of one id share everything but the newest batch and segment: batches still waiting
  // for their acknowledgement, segments a truncation will rewrite.
  for (const [name, bucket] of [
    ['unclean-election', 16],
    ['unclean-election', 1],
    ['retention', 16],
    ['acks-one-loses-data', 1],
  ] as const) {
    it(`restore to the same world as the original run (${name}, buckets of ${bucket})`, () => {
      const store = small(bucket);
      const original = createEngine(builtin(name));
      const saves: { at: number; text: string; whole: string }[] = [];
      for (let at = 5_000; at <= 50_000; at += 2_500) {
        original.advanceTo(at);
        const text = JSON.stringify(original.save(store));
        saves.push({ at, text, whole: JSON.stringify(original.save()) });
      }
      // The logs' older part is kept once: later saves name chunks that earlier ones kept.
      const chunkSets = saves.map((s) => new Set(sharedChunksOf(JSON.parse(s.text).state)));
      const last = chunkSets[chunkSets.length - 1];
      expect(last.size).toBeGreaterThan(0);
      expect([...chunkSets[chunkSets.length - 2]].some((id) => last.has(id))).toBe(true);
      // Restore each save (in a different order than they were made) and run on.
      for (const save of [...saves].reverse()) {
        const restored = restoreEngine(JSON.parse(save.text), store);
        expect(JSON.stringify(restored.save()), `the save at ${save.at}, restored`).toBe(
          save.whole,
        );
        restored.drainEvents();
        const twin = createEngine(builtin(name));
        twin.advanceTo(save.at);
        twin.drainEvents();
        const a = finish(restored, 70_000);
        const b = finish(twin, 70_000);
        expect(a.events, `events after restoring the save at ${save.at}`).toBe(b.events);
        expect(a.state, `state after restoring the save at ${save.at}`).toBe(b.state);
      }
    });
  }

  it('a save without a store stays whole, and one with a store needs it', () => {
    const store = small();
    const engine = createEngine(builtin('default'));
    engine.advanceTo(30_000);
    const plain = engine.save();
    expect(sharedChunksOf(plain.state)).toEqual([]);
    const shared = engine.save(store);
    expect(() => restoreEngine(shared)).toThrow(/store/);
    expect(JSON.stringify(restoreEngine(shared, store).save())).toBe(JSON.stringify(plain));
  });

  it('sweep forgets chunks no save names any more', () => {
    const store = small();
    const engine = createEngine(builtin('default'));
    engine.advanceTo(30_000);
    const first = engine.save(store);
    engine.advanceTo(60_000);
    const second = engine.save(store);
    const before = store.size;
    store.sweep(sharedChunksOf(second.state));
    expect(store.size).toBeLessThanOrEqual(before);
    expect(() => restoreEngine(second, store)).not.toThrow();
    store.sweep([]);
    expect(store.size).toBe(0);
    expect(sharedChunksOf(first.state).length).toBeGreaterThan(0);
  });
});

describe('SharedLogStore', () => {
  const segment = (baseOffset: number, bytes: number) => ({
    baseOffset,
    bytes,
    records: 1,
    firstTs: baseOffset,
    maxTs: baseOffset,
  });

  it('keeps a new version of a closed chunk whose segments changed (a truncation rewrote them)', () => {
    const store = new SharedLogStore({ batchBucket: 1, offsetBucket: 1 });
    const segments = [segment(0, 100), segment(1, 100), segment(2, 100)];
    const first = store.shareSegments('1/t/0', segments);
    expect(first.$chunks).toHaveLength(2);
    expect(first.tail).toEqual([segments[2]]);
    expect(store.shareSegments('1/t/0', segments).$chunks).toEqual(first.$chunks);
    segments[1].bytes = 40;
    const second = store.shareSegments('1/t/0', segments);
    expect(second.$chunks[0]).toBe(first.$chunks[0]);
    expect(second.$chunks[1]).not.toBe(first.$chunks[1]);
    expect(store.segmentsOf(first.$chunks[1])[0].bytes).toBe(100);
    expect(store.segmentsOf(second.$chunks[1])[0].bytes).toBe(40);
  });

  it("keeps a new version of a chunk whose batch was acknowledged, and restores each one's marks", () => {
    const engine = createEngine(builtin('default'));
    engine.advanceTo(20_000);
    const store = new SharedLogStore({ batchBucket: 1, offsetBucket: 1 });
    const saved = engine.save(store);
    const [id] = sharedChunksOf(saved.state);
    const batch = store.batchesOf(id)[0];
    const marked = batch.acked;
    batch.acked = !marked;
    const again = engine.save(store);
    expect(sharedChunksOf(again.state)).not.toContain(id);
    // Restoring the first save puts the mark back as it was then.
    restoreEngine(saved, store);
    expect(batch.acked).toBe(marked);
  });
});
