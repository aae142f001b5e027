// Adding a KRaft controller (KIP-853, dynamic quorum): the new node starts empty as an observer,
// copies __cluster_metadata from the leader, and joins the voters when the leader's VotersRecord
// naming it commits. From then on the majority is counted over the new voter set.
import { describe, expect, it } from 'vitest';
import { createEngine, type MetadataView, type Scenario } from '../../src/engine';
import { ofType, oneControllerPerEpoch, Run, scenario, expectRestoreRunsOn } from './helpers';

function kraft(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 3,
    cluster: { brokers: 3, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, config: { acks: 'all' } }],
    ...parts,
  });
}

const metadataOf = (run: Run) => run.engine.view().metadata as MetadataView;
const node = (run: Run, id: number) => metadataOf(run).nodes.find((n) => n.id === id)!;

describe('adding a controller (KIP-853)', () => {
  it('starts as an observer with an empty log, catches up, then joins the voters', () => {
    const run = new Run(kraft());
    run.to(3000);
    run.do({ type: 'addController' });
    expect(node(run, 1004)).toMatchObject({ role: 'observer', voter: false, logEndOffset: 0 });
    // Not a voter yet: the majority is still 2 of 3.
    expect(metadataOf(run).quorum).toEqual({ live: 3, needed: 2, lost: false });
    // Stop at the moment it joins: the VotersRecord is among the leader's newest records.
    run.stepUntil((r) => r.all('controller.voter-added').length > 0, 12_000);
    expect(run.all('controller.voter-added')).toEqual([
      expect.objectContaining({ controllerId: 1004, voters: [1001, 1002, 1003, 1004] }),
    ]);
    expect(run.all('controller.node-started')).toEqual([
      expect.objectContaining({ controllerId: 1004, restart: false }),
    ]);
    expect(node(run, 1001).recent.map((e) => e.record)).toContainEqual({
      type: 'VotersRecord',
      voters: [1001, 1002, 1003, 1004],
    });
    run.to(12_000);
    const leader = node(run, 1001);
    expect(node(run, 1004)).toMatchObject({ role: 'follower', voter: true });
    expect(leader.logEndOffset - node(run, 1004).logEndOffset).toBeLessThanOrEqual(3);
    expect(metadataOf(run).quorum).toEqual({ live: 4, needed: 3, lost: false });
  });

  it('four voters tolerate one failure, as three do: with two of four down the quorum is lost', () => {
    const run = new Run(kraft());
    run.to(3000);
    run.do({ type: 'addController' });
    run.to(12_000);
    run.do({ type: 'killController', controllerId: 1002 });
    run.do({ type: 'killController', controllerId: 1003 });
    const lost = run.to(30_000);
    expect(ofType(lost, 'metadata.quorum-lost')).toEqual([
      expect.objectContaining({ live: 2, voters: 4, needed: 3 }),
    ]);
    expect(ofType(lost, 'controller.changed')).toEqual([]);
    run.do({ type: 'restartController', controllerId: 1003 });
    const back = run.to(45_000);
    expect(ofType(back, 'metadata.quorum-restored')).toHaveLength(1);
    oneControllerPerEpoch(run);
  });

  it('an observer asks the voters where the leader is, also after a failover', () => {
    const run = new Run(kraft());
    run.to(3000);
    run.do({ type: 'killController', controllerId: 1001 });
    run.to(20_000);
    const active = metadataOf(run).activeController!;
    expect([1002, 1003]).toContain(active);
    run.do({ type: 'addController' });
    run.to(35_000);
    expect(node(run, 1004)).toMatchObject({ role: 'follower', voter: true });
    expect(node(run, 1004).epoch).toBe(metadataOf(run).epoch);
  });

  it('refuses a second addition while one is joining, in ZooKeeper mode, and in combined mode', () => {
    const run = new Run(kraft());
    run.to(3000);
    run.do({ type: 'addController' });
    expect(run.engine.dispatch({ type: 'addController' })).toMatchObject({
      ok: false,
      error: { code: 'VOTER_CHANGE_IN_PROGRESS', params: { controllerId: 1004 } },
    });
    const zk = createEngine(kraft({ cluster: { brokers: 3, metadata: { mode: 'zookeeper' } } }));
    expect(zk.dispatch({ type: 'addController' })).toMatchObject({
      ok: false,
      error: { code: 'NO_CONTROLLER_QUORUM' },
    });
    const combined = createEngine(
      kraft({ cluster: { brokers: 3, metadata: { mode: 'kraft', placement: 'combined' } } }),
    );
    expect(combined.dispatch({ type: 'addController' })).toMatchObject({
      ok: false,
      error: { code: 'COMBINED_PLACEMENT' },
    });
  });

  it('saves and restores while the new controller observes, and runs on the same', () => {
    const s = kraft({ actions: [{ at: 3000, type: 'addController' }] });
    expectRestoreRunsOn(s, [3600], 20_000);
  });
});
