// A log with many segments: the view lists only the newest VIEW_SEGMENTS, and retention by size
// keeps working once the dropped prefix of the log's arrays has been trimmed (issue 16).
import { describe, expect, it } from 'vitest';
import { createEngine, type Scenario } from '../../src/engine';
import { VIEW_SEGMENTS } from '../../src/engine/view/view';
import { DEFAULT_SCENARIO } from '../../src/scenario';

function busy(config: Record<string, number> = {}): Scenario {
  return {
    ...DEFAULT_SCENARIO,
    producers: DEFAULT_SCENARIO.producers!.map((p) => ({ ...p, ratePerSec: 50 })),
    topics: DEFAULT_SCENARIO.topics!.map((t) => ({ ...t, config: { ...t.config, ...config } })),
  };
}

function replicas(engine: ReturnType<typeof createEngine>) {
  return engine.view().topics.flatMap((t) => t.partitions.flatMap((p) => p.replicaStates));
}

describe('long logs', () => {
  it('the view lists the newest segments only, up to the log end', () => {
    const engine = createEngine(busy());
    engine.advanceTo(180_000);
    for (const r of replicas(engine)) {
      expect(r.segments.length).toBe(VIEW_SEGMENTS);
      const bases = r.segments.map((s) => s.baseOffset);
      expect(bases).toEqual([...bases].sort((a, b) => a - b));
      expect(bases[bases.length - 1]).toBeLessThanOrEqual(r.logEndOffset);
    }
  });

  it('retention.bytes keeps deleting the oldest segments after many deletions', () => {
    const engine = createEngine(busy({ 'retention.bytes': 4096 }));
    engine.advanceTo(600_000);
    const deleted = engine.drainEvents().filter((e) => e.type === 'log.retention-deleted');
    // Every check deletes what was written since the last one (hundreds of deletions in all).
    expect(deleted.length).toBeGreaterThan(300);
    for (const r of replicas(engine)) {
      const bytes = r.segments.reduce((sum, s) => sum + s.bytes, 0);
      // About retention.bytes are kept, plus what arrived since the last check (5 s).
      expect(bytes).toBeLessThan(4096 + 5 * 50 * 200);
      expect(r.segments[0].baseOffset).toBeLessThanOrEqual(r.logStartOffset);
      expect(r.logStartOffset).toBeGreaterThan(1_000);
    }
  });
});
