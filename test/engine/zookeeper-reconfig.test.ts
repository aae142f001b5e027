// Adding a ZooKeeper server by dynamic reconfig (ZooKeeper 3.5+ `reconfig -add`): the new server
// looks for the leader, follows and syncs without a vote, and votes once the leader's reconfig
// transaction is logged by a quorum of the old and of the new ensemble. Majorities then count
// over four servers, which, like three, survive only one failure.
import { describe, expect, it } from 'vitest';
import { createEngine, type Scenario, type ZooKeeperView } from '../../src/engine';
import { ofType, Run, scenario, expectRestoreRunsOn } from './helpers';

function zookeeper(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 5,
    cluster: { brokers: 3, metadata: { mode: 'zookeeper' }, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, config: { acks: 'all' } }],
    ...parts,
  });
}

const zkView = (run: Run) => run.engine.view().metadata as ZooKeeperView;
const server = (run: Run, id: number) => zkView(run).nodes.find((n) => n.id === id)!;

describe('adding a ZooKeeper server (dynamic reconfig)', () => {
  it('joins without a vote, then votes once the reconfig commits', () => {
    const run = new Run(zookeeper());
    run.to(3000);
    run.do({ type: 'addZooKeeper' });
    expect(server(run, 4)).toMatchObject({ role: 'looking', voter: false });
    expect(zkView(run).quorum).toEqual({ live: 3, needed: 2, lost: false });
    const events = run.to(10_000);
    expect(ofType(events, 'zookeeper.node-started')).toEqual([
      expect.objectContaining({ nodeId: 4, restart: false }),
    ]);
    expect(ofType(events, 'zookeeper.server-added')).toEqual([
      expect.objectContaining({ nodeId: 4, servers: [1, 2, 3, 4] }),
    ]);
    // It follows the leader the others name; nobody was elected anew.
    expect(ofType(events, 'zookeeper.leader-elected')).toEqual([]);
    expect(server(run, 4)).toMatchObject({ role: 'following', voter: true });
    expect(server(run, 4).lastZxid).toBe(server(run, 3).lastZxid);
    expect(zkView(run).quorum).toEqual({ live: 4, needed: 3, lost: false });
    // Writes go on as before: the producer's records are acknowledged.
    expect(ofType(events, 'record.acked').length).toBeGreaterThan(0);
  });

  it('four servers lose their quorum with two down, and get it back with one more', () => {
    const run = new Run(zookeeper());
    run.to(3000);
    run.do({ type: 'addZooKeeper' });
    run.to(10_000);
    run.do({ type: 'killZooKeeper', nodeId: 1 });
    run.do({ type: 'killZooKeeper', nodeId: 2 });
    const lost = run.to(25_000);
    expect(ofType(lost, 'metadata.quorum-lost')).toEqual([
      expect.objectContaining({ live: 2, voters: 4, needed: 3, mode: 'zookeeper' }),
    ]);
    run.do({ type: 'restartZooKeeper', nodeId: 1 });
    const back = run.to(45_000);
    expect(ofType(back, 'metadata.quorum-restored')).toHaveLength(1);
    expect(ofType(back, 'zookeeper.leader-elected')).toHaveLength(1);
  });

  it('refuses a second reconfig while one server joins, and in a KRaft cluster', () => {
    const run = new Run(zookeeper());
    run.to(3000);
    run.do({ type: 'addZooKeeper' });
    expect(run.engine.dispatch({ type: 'addZooKeeper' })).toMatchObject({
      ok: false,
      error: { code: 'RECONFIG_IN_PROGRESS', params: { nodeId: 4 } },
    });
    const kraft = createEngine(zookeeper({ cluster: { brokers: 3 } }));
    expect(kraft.dispatch({ type: 'addZooKeeper' })).toMatchObject({
      ok: false,
      error: { code: 'NO_ZOOKEEPER' },
    });
  });

  it('saves and restores while the new server joins, and runs on the same', () => {
    const s = zookeeper({ actions: [{ at: 3000, type: 'addZooKeeper' }] });
    expectRestoreRunsOn(s, [3400], 15_000);
  });
});
