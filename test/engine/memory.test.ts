// The engine's account of what the world retains (issue 16, view/memory.ts): it grows with the
// records appended, falls when retention deletes, counts a partition once however many
// replicas share its batches, and names the topic that holds the most.
import { describe, expect, it } from 'vitest';
import { createEngine, type Scenario } from '../../src/engine';
import { RECORD_HEAP_BYTES } from '../../src/engine/view/memory';

function scenario(retentionMs: number): Scenario {
  return {
    version: 1,
    seed: 7,
    preset: 'classroom',
    cluster: { brokers: 3 },
    topics: [
      {
        name: 'big',
        partitions: 2,
        replicationFactor: 3,
        config: { 'retention.ms': retentionMs, 'segment.ms': 2000 },
      },
      { name: 'small', partitions: 1, replicationFactor: 1, config: {} },
    ],
    producers: [
      { id: 'fast', topic: 'big', ratePerSec: 200, keys: null, config: { acks: 'all' } },
      { id: 'slow', topic: 'small', ratePerSec: 2, keys: null, config: { acks: 'all' } },
    ],
  };
}

describe('engine memory', () => {
  it('grows with the records appended and names the topic that holds the most', () => {
    const engine = createEngine(scenario(-1));
    engine.advanceTo(2_000);
    const early = engine.memory();
    engine.advanceTo(20_000);
    const late = engine.memory();
    expect(late.logBytes).toBeGreaterThan(early.logBytes);
    expect(late.topics[0].topic).toBe('big');
    expect(late.logBytes).toBe(late.topics.reduce((sum, t) => sum + t.bytes, 0));
    // At least every record the leaders hold, each counted once (not once per replica).
    const view = engine.view();
    const big = view.topics.find((t) => t.name === 'big')!;
    const records = big.partitions.reduce((n, p) => n + p.logEndOffset - p.logStartOffset, 0);
    const bytes = late.topics[0].bytes;
    expect(bytes).toBeGreaterThan(records * RECORD_HEAP_BYTES);
    // Counted once: three replicas counted each would be about three times as much.
    expect(bytes).toBeLessThan(records * 2 * RECORD_HEAP_BYTES);
  });

  it('falls when retention deletes segments', () => {
    const engine = createEngine(scenario(5_000));
    engine.advanceTo(30_000);
    const before = engine.memory().topics.find((t) => t.topic === 'big')!.bytes;
    engine.dispatch({ type: 'updateProducer', producerId: 'fast', ratePerSec: 0 });
    engine.advanceTo(60_000);
    const deleted = engine.drainEvents().filter((e) => e.type === 'log.retention-deleted');
    expect(deleted.length).toBeGreaterThan(0);
    const after = engine.memory().topics.find((t) => t.topic === 'big')!.bytes;
    expect(after).toBeLessThan(before / 4);
  });

  it('an empty log holds nothing', () => {
    const engine = createEngine({ ...scenario(-1), producers: [] });
    engine.advanceTo(1_000);
    expect(engine.memory().logBytes).toBe(0);
  });
});
