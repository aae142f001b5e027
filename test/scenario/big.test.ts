// The big scene for the UI benchmark: valid, and as big as promised.
import { describe, expect, it } from 'vitest';
import { bigScenario, parseScenario } from '../../src/scenario';

const totalPartitions = (s: ReturnType<typeof bigScenario>) =>
  (s.topics ?? []).reduce((sum, t) => sum + t.partitions, 0);

describe('bigScenario', () => {
  it('defaults to 50 brokers, 500 partitions, 20 groups x 20 consumers', () => {
    const s = bigScenario();
    expect(parseScenario(s)).toEqual({ ok: true, scenario: s });
    expect(s.cluster.brokers).toBe(50);
    expect(totalPartitions(s)).toBe(500);
    expect(s.topics!.length).toBeGreaterThan(1);
    expect(s.topics!.length).toBeLessThanOrEqual(10);
    expect(s.groups).toHaveLength(20);
    expect(s.groups!.every((g) => g.consumers === 20)).toBe(true);
    expect(s.producers!.length).toBeGreaterThan(0);
    expect(s.producers!.length).toBeLessThanOrEqual(10);
  });

  it('follows its options and stays valid at the edges', () => {
    const s = bigScenario({ brokers: 2, partitions: 7, groups: 3, consumersPerGroup: 4, seed: 9 });
    expect(parseScenario(s).ok).toBe(true);
    expect(s.seed).toBe(9);
    expect(s.cluster.brokers).toBe(2);
    expect(totalPartitions(s)).toBe(7);
    expect(s.topics!.every((t) => t.replicationFactor <= 2)).toBe(true);
    expect(s.groups!.map((g) => g.consumers)).toEqual([4, 4, 4]);
    expect(parseScenario(bigScenario({ brokers: 1, partitions: 1, groups: 0 })).ok).toBe(true);
  });

  it('is the same every time (deterministic)', () => {
    expect(bigScenario({ seed: 3 })).toEqual(bigScenario({ seed: 3 }));
  });

  it('refuses impossible sizes', () => {
    expect(() => bigScenario({ brokers: 0 })).toThrow(/brokers must be a whole number >= 1/);
    expect(() => bigScenario({ partitions: 2.5 })).toThrow(/partitions/);
  });
});
