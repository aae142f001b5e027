// The Metrics table and CSV read the engine's samples: a killed broker shows as a positive change
// of UnderReplicatedPartitions since the mark; the CSV has a header row and one row per sample.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine';
import { metricRows, metricsCsv } from '../../src/app/metricsTable';

const scenario = {
  version: 1 as const,
  seed: 7,
  preset: 'classroom' as const,
  cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 4, config: { acks: 'all' } }],
  groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
};

describe('metric rows and CSV', () => {
  it('shows the change since the mark', () => {
    const engine = createEngine(scenario);
    engine.advanceTo(8000);
    const mark = 8000;
    expect(engine.dispatch({ type: 'killBroker', brokerId: 2 }).ok).toBe(true);
    engine.advanceTo(30_000);
    const rows = metricRows(engine.metrics(), mark);
    const urp = rows.find((r) => r.id === 'cluster||UnderReplicatedPartitions')!;
    expect(urp.value).toBeGreaterThan(0);
    expect(urp.change).toBe(urp.value);
    expect(rows[0].scope).toBe('cluster');
    expect(metricRows(engine.metrics(), null).every((r) => r.change === null)).toBe(true);
  });

  it('exports a CSV with a header row and one row per sample', () => {
    const engine = createEngine(scenario);
    engine.advanceTo(5000);
    const h = engine.metrics();
    const lines = metricsCsv(h).trimEnd().split('\r\n');
    expect(lines[0].split(',')[0]).toBe('t_ms');
    expect(lines[0]).toContain('cluster||UnderReplicatedPartitions');
    expect(lines.length).toBe(1 + h.samples.length);
    expect(lines[1].split(',').length).toBe(1 + h.columns.length);
  });
});
