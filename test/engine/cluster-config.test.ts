// Cluster-wide broker defaults (kafka-configs --entity-type brokers --entity-default): a live
// value for every broker, below a broker's own setting and above the static config, reaching the
// topic configs that fall back to it; validated like a per-broker edit.
import { describe, expect, it } from 'vitest';
import { must, ofType, runTo, scenario, start } from './helpers';

const entry = (entries: { key: string; value: unknown; source: string }[], key: string) =>
  entries.find((e) => e.key === key)!;

function setup() {
  return start(
    scenario({
      seed: 3,
      cluster: { brokers: 3, config: { 'min.insync.replicas': 1 } },
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
      producers: [
        {
          id: 'checkout',
          topic: 'orders',
          ratePerSec: 10,
          keys: ['a', 'b', 'c'],
          config: { acks: 'all' },
        },
      ],
    }),
    5000,
  );
}

describe('cluster-wide broker default', () => {
  it('applies to every broker and to topics without their own value; a broker setting wins', () => {
    const { engine } = setup();
    must(engine, {
      type: 'setConfig',
      scope: 'broker',
      id: 2,
      key: 'min.insync.replicas',
      value: 2,
    });
    must(engine, {
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'min.insync.replicas',
      value: 3,
    });
    // Broker configs are metadata: the view shows them once the controller quorum committed them.
    expect(entry(engine.view().clusterConfig, 'min.insync.replicas').value).toBe(1);
    runTo(engine, 7000);
    const v = engine.view();
    expect(entry(v.clusterConfig, 'min.insync.replicas')).toMatchObject({
      value: 3,
      source: 'cluster-default',
    });
    expect(v.brokers.map((b) => entry(b.config, 'min.insync.replicas').value)).toEqual([3, 2, 3]);
    expect(entry(v.brokers[0].config, 'min.insync.replicas').source).toBe('cluster-default');
    expect(entry(v.topics[0].config, 'min.insync.replicas')).toMatchObject({
      value: 3,
      source: 'cluster-default',
    });
    // A broker added later has the cluster default too.
    must(engine, { type: 'addBroker' });
    expect(entry(engine.view().brokers[3].config, 'min.insync.replicas').value).toBe(3);
  });

  it('takes effect at once: min.insync.replicas 3 fails acks=all writes when one broker is down', () => {
    const { engine } = setup();
    must(engine, { type: 'killBroker', brokerId: 3 });
    const before = runTo(engine, 20_000);
    expect(
      ofType(before, 'record.failed').filter((e) => e.error === 'NOT_ENOUGH_REPLICAS'),
    ).toEqual([]);
    must(engine, {
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'min.insync.replicas',
      value: 3,
    });
    const after = runTo(engine, 40_000);
    expect(ofType(after, 'config.changed')).toEqual([
      expect.objectContaining({
        scope: 'broker',
        id: 'cluster',
        key: 'min.insync.replicas',
        value: 3,
      }),
    ]);
    expect(
      ofType(after, 'record.failed').filter((e) => e.error === 'NOT_ENOUGH_REPLICAS').length,
    ).toBeGreaterThan(0);
  });

  it('is validated like a per-broker edit: the error names the value and the rule, nothing changes', () => {
    const { engine } = setup();
    const result = engine.dispatch({
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'min.insync.replicas',
      value: 0,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.field).toBe('value');
      expect(result.error.message).toMatch(/min\.insync\.replicas/);
    }
    const perBroker = engine.dispatch({
      type: 'setConfig',
      scope: 'broker',
      id: 1,
      key: 'min.insync.replicas',
      value: 0,
    });
    expect(!perBroker.ok && !result.ok && perBroker.error.message).toBe(
      !result.ok && result.error.message,
    );
    expect(entry(engine.view().clusterConfig, 'min.insync.replicas').value).toBe(1);
  });
});
