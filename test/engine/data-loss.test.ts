// Lost acknowledged records are named where they happened: each truncation says which producer
// wrote what it removed, the partition keeps each lost record once (several replicas may
// truncate the same one away), and the producer's count says how many of its acknowledged
// records are gone (design.md 4, data loss shown where it happened).
import { describe, expect, it } from 'vitest';
import { createEngine, restoreEngine } from '../../src/engine';
import { findBuiltinScenario } from '../../src/scenario';
import { ofType, partitionOf } from './helpers';

function acksOne() {
  const scenario = findBuiltinScenario('acks-one-loses-data');
  if (!scenario) throw new Error('no acks-one-loses-data');
  return createEngine(scenario);
}

describe('acknowledged records lost to a truncation', () => {
  it('are attributed to their producer, listed once per partition and counted on the producer', () => {
    const engine = acksOne();
    engine.advanceTo(40_000);
    const truncations = ofType(engine.drainEvents(), 'log.truncated').filter(
      (e) => e.lostAcked.length > 0,
    );
    // The old leader removes the acknowledged clicks when it returns (a follower that had some of
    // them may also remove them at the failover, depending on which follower is elected).
    expect(truncations.length).toBeGreaterThanOrEqual(1);
    const reported = truncations.flatMap((e) => e.lostAcked);
    expect(reported.every((r) => r.producerId === 'tracker')).toBe(true);

    const lostOffsets = [...new Set(reported.map((r) => `${truncations[0].topic}-${r.offset}`))];
    const p = truncations[0];
    const lost = partitionOf(engine, p.topic, p.partition).lostRecords;
    expect(lost.map((r) => `${p.topic}-${r.offset}`)).toEqual(lostOffsets);
    expect(lost.every((r) => r.producerId === 'tracker' && r.t === p.t)).toBe(true);

    const tracker = engine.view().producers.find((x) => x.id === 'tracker')!;
    expect(tracker.stats.lostAcked).toBe(lost.length);
    const checkout = engine.view().producers.find((x) => x.id === 'checkout')!;
    expect(checkout.stats.lostAcked).toBe(0);
  });

  it('survive a save and restore', () => {
    const engine = acksOne();
    engine.advanceTo(40_000);
    const restored = restoreEngine(engine.save());
    expect(restored.view().topics).toEqual(engine.view().topics);
    expect(restored.view().producers).toEqual(engine.view().producers);
  });

  it('are none before the fault', () => {
    const engine = acksOne();
    engine.advanceTo(14_000);
    const v = engine.view();
    expect(v.topics.flatMap((t) => t.partitions.flatMap((x) => x.lostRecords))).toEqual([]);
    expect(v.producers.map((x) => x.stats.lostAcked)).toEqual([0, 0]);
  });
});
