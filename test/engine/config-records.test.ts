// Broker and topic configs are metadata (kafka-spec 4): a live change (kafka-configs --alter) is
// a ConfigRecord the active KRaft controller commits to __cluster_metadata, or, in ZooKeeper
// mode, a write to /config/topics/T or /config/brokers/N with a /config/changes notification.
// Without an active controller the change is refused, saying why; client configs are the
// client's own and change at once.
import { describe, expect, it } from 'vitest';
import type { Command, MetadataView, ZooKeeperView } from '../../src/engine';
import { ofType, Run, scenario } from './helpers';

const setRetention: Command = {
  type: 'setConfig',
  scope: 'topic',
  id: 'orders',
  key: 'retention.ms',
  value: 60_000,
};

function cluster(metadata?: { mode: 'zookeeper' }) {
  return scenario({
    seed: 4,
    cluster: { brokers: 3, ...(metadata ? { metadata } : {}) },
    topics: [{ name: 'orders', partitions: 2, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 2 }],
  });
}

const topicConfig = (run: Run, key: string) =>
  run.engine
    .view()
    .topics.find((t) => t.name === 'orders')!
    .config.find((e) => e.key === key)!;

describe('config changes as metadata, under KRaft', () => {
  it('writes a ConfigRecord to the metadata log; the change is told and shown once committed', () => {
    const run = new Run(cluster());
    run.to(3000);
    run.do(setRetention);
    // Not committed yet: the view shows the committed metadata only.
    expect(topicConfig(run, 'retention.ms').source).not.toBe('user');
    const events = run.to(5000);
    const changed = ofType(events, 'config.changed');
    expect(changed).toEqual([
      expect.objectContaining({ scope: 'topic', id: 'orders', key: 'retention.ms', value: 60_000 }),
    ]);
    // Told at the commit, a round trip to the followers later, not at the command.
    expect(changed[0].t).toBeGreaterThan(3000);
    expect(topicConfig(run, 'retention.ms')).toMatchObject({ value: 60_000, source: 'user' });
    const leader = (run.engine.view().metadata as MetadataView).nodes.find(
      (n) => n.role === 'leader',
    )!;
    expect(leader.recent.map((e) => e.record)).toContainEqual({
      type: 'ConfigRecord',
      resourceType: 'TOPIC',
      resourceName: 'orders',
      name: 'retention.ms',
      value: 60_000,
    });
  });

  it('writes the cluster-wide broker default with an empty resource name, as --entity-default does', () => {
    const run = new Run(cluster());
    run.to(3000);
    run.do({
      type: 'setConfig',
      scope: 'broker',
      id: 'cluster',
      key: 'unclean.leader.election.enable',
      value: true,
    });
    run.to(5000);
    const leader = (run.engine.view().metadata as MetadataView).nodes.find(
      (n) => n.role === 'leader',
    )!;
    expect(leader.recent.map((e) => e.record)).toContainEqual(
      expect.objectContaining({ type: 'ConfigRecord', resourceType: 'BROKER', resourceName: '' }),
    );
  });

  it('with the quorum lost: a change the lone leader accepts never commits and is taken back; then it is refused; client configs still change', () => {
    const run = new Run(cluster());
    run.to(3000);
    run.do({ type: 'killController', controllerId: 1002 });
    run.do({ type: 'killController', controllerId: 1003 });
    // Controller 1001 still leads until check-quorum: it writes the record, nobody copies it.
    expect(run.engine.dispatch(setRetention)).toEqual({ ok: true });
    const events = run.to(15_000);
    expect(ofType(events, 'controller.resigned')).toHaveLength(1);
    expect(ofType(events, 'config.changed')).toEqual([]);
    expect(topicConfig(run, 'retention.ms').source).not.toBe('user');
    // No active controller now: refused, saying why.
    expect(run.engine.dispatch(setRetention)).toMatchObject({
      ok: false,
      error: { code: 'CONTROLLER_NOT_AVAILABLE', params: { context: 'quorumLost' } },
    });
    const broker = run.engine.dispatch({
      type: 'setConfig',
      scope: 'broker',
      id: 1,
      key: 'min.insync.replicas',
      value: 2,
    });
    expect(broker.ok).toBe(false);
    const client = run.engine.dispatch({
      type: 'setConfig',
      scope: 'producer',
      id: 'checkout',
      key: 'linger.ms',
      value: 50,
    });
    expect(client).toEqual({ ok: true });
  });
});

describe('config changes as metadata, in ZooKeeper mode', () => {
  const znode = (run: Run, path: string) =>
    (run.engine.view().metadata as ZooKeeperView).znodes.find((z) => z.path === path);

  it('keeps each topic config in /config/topics/T and announces a change in /config/changes', () => {
    const run = new Run(cluster({ mode: 'zookeeper' }));
    run.to(3000);
    // Created with the topic, empty: the topic has no configs of its own.
    expect(JSON.parse(znode(run, '/config/topics/orders')!.data)).toEqual({
      version: 1,
      config: {},
    });
    run.do(setRetention);
    const events = run.to(6000);
    expect(ofType(events, 'config.changed')).toHaveLength(1);
    expect(JSON.parse(znode(run, '/config/topics/orders')!.data)).toEqual({
      version: 1,
      config: { 'retention.ms': '60000' },
    });
    expect(JSON.parse(znode(run, '/config/changes/config_change_0000000000')!.data)).toEqual({
      version: 2,
      entity_path: 'topics/orders',
    });
  });

  it('creates /config/brokers/<default> and /config/brokers/N on their first change, then sets them', () => {
    const run = new Run(cluster({ mode: 'zookeeper' }));
    run.to(3000);
    expect(znode(run, '/config/brokers/2')).toBeUndefined();
    const set = (id: number | 'cluster', value: number) =>
      run.do({ type: 'setConfig', scope: 'broker', id, key: 'min.insync.replicas', value });
    // Two changes before the first commits: the znode is created once, then set.
    set(2, 2);
    set(2, 1);
    set('cluster', 2);
    run.to(6000);
    expect(JSON.parse(znode(run, '/config/brokers/2')!.data).config).toEqual({
      'min.insync.replicas': '1',
    });
    expect(JSON.parse(znode(run, '/config/brokers/<default>')!.data).config).toEqual({
      'min.insync.replicas': '2',
    });
    expect(
      run.engine
        .view()
        .brokers.map((b) => b.config.find((e) => e.key === 'min.insync.replicas')!.value),
    ).toEqual([2, 1, 2]);
  });

  it('with the ensemble lost, a change waits for ZooKeeper and takes effect when it is back', () => {
    const run = new Run(cluster({ mode: 'zookeeper' }));
    run.to(3000);
    run.do({ type: 'killZooKeeper', nodeId: 1 });
    run.do({ type: 'killZooKeeper', nodeId: 2 });
    run.to(3500);
    // The controller broker is still the controller: it sends the write, which cannot commit
    // (Kafka's ZooKeeper client retries it until it is connected again).
    run.do(setRetention);
    const waiting = run.to(20_000);
    expect(ofType(waiting, 'config.changed')).toEqual([]);
    expect(topicConfig(run, 'retention.ms').source).not.toBe('user');
    run.do({ type: 'restartZooKeeper', nodeId: 1 });
    const back = run.to(40_000);
    expect(ofType(back, 'zookeeper.leader-elected').length).toBeGreaterThan(0);
    expect(ofType(back, 'config.changed')).toHaveLength(1);
    expect(topicConfig(run, 'retention.ms')).toMatchObject({ value: 60_000, source: 'user' });
  });
});
