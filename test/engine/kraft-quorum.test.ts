// The KRaft controller quorum (cluster.metadata: kraft; kafka-spec 4.2, design.md 3.10): three
// dedicated controllers elect the active one by vote, a metadata change takes effect only once a
// majority of them has it, and without a majority nothing in the metadata changes.
import { describe, expect, it } from 'vitest';
import { type MetadataView, type Scenario } from '../../src/engine';
import {
  expectMetadataFrozen,
  ofType,
  oneControllerPerEpoch,
  Run,
  scenario,
  expectRestoreRunsOn,
} from './helpers';

function kraft(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 3,
    cluster: { brokers: 3, metadata: { mode: 'kraft' }, config: { 'min.insync.replicas': 2 } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, config: { acks: 'all' } }],
    ...parts,
  });
}

describe('a KRaft quorum of three controllers', () => {
  it('starts with controller 1001 active in epoch 1; the brokers are not controllers', () => {
    const run = new Run(kraft());
    run.to(2000);
    const v = run.engine.view();
    expect(v.controller).toEqual({ brokerId: null, epoch: 1 });
    expect(v.brokers.some((b) => b.isController)).toBe(false);
    expect(v.metadata).toMatchObject({
      mode: 'kraft',
      activeController: 1001,
      epoch: 1,
      quorum: { live: 3, needed: 2, lost: false },
    });
    expect((v.metadata as MetadataView).nodes.map((n) => [n.id, n.role])).toEqual([
      [1001, 'leader'],
      [1002, 'follower'],
      [1003, 'follower'],
    ]);
    // The followers keep up with the leader's log (NoOps every 500 ms) and know its HW.
    const [leader, ...followers] = (v.metadata as MetadataView).nodes;
    for (const f of followers) expect(leader.logEndOffset - f.logEndOffset).toBeLessThanOrEqual(3);
    expect(leader.highWatermark).toBeGreaterThan(1);
    expect(v.simplifications).not.toContain('controller-quorum');
  });

  it('creates __consumer_offsets with the controller on a controller node: a group gets its coordinator', () => {
    const run = new Run(kraft({ groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }] }));
    run.to(15_000);
    const group = run.engine.view().groups.find((g) => g.id === 'billing')!;
    expect(group.coordinator).not.toBeNull();
    expect(group.state).toBe('Stable');
  });

  it('elects another active controller with a higher epoch when the active one dies, and it fences a dead broker', () => {
    const run = new Run(kraft());
    run.to(10_000);
    run.do({ type: 'killController', controllerId: 1001 });
    run.to(40_000);
    const changed = run.all('controller.changed').filter((e) => e.t > 10_000);
    expect(changed.length).toBeGreaterThanOrEqual(1);
    const next = changed[0];
    expect([1002, 1003]).toContain(next.controllerId);
    expect(next.epoch).toBeGreaterThan(1);
    // Noticed by the fetch timeout (2 x election timeout = 4 s in classroom), then a vote or two.
    expect(next.t - 10_000).toBeLessThan(20_000);
    expect(run.all('controller.resigned')[0]).toMatchObject({
      controllerId: 1001,
      reason: { code: 'controller-stopped' },
    });
    oneControllerPerEpoch(run);

    run.do({ type: 'killBroker', brokerId: 2 });
    const after = run.to(60_000);
    expect(ofType(after, 'broker.fenced').map((e) => e.brokerId)).toEqual([2]);
    expect((run.engine.view().metadata as MetadataView).activeController).toBe(next.controllerId);
  });

  it('changes nothing while two of three controllers are down: acks=all times out instead of failing NOT_ENOUGH_REPLICAS', () => {
    const run = new Run(kraft());
    run.to(5000);
    run.do({ type: 'killController', controllerId: 1002 });
    run.do({ type: 'killController', controllerId: 1003 });
    run.do({ type: 'killBroker', brokerId: 3 });
    const lost = run.to(40_000);
    expect(ofType(lost, 'metadata.quorum-lost')).toEqual([
      expect.objectContaining({ live: 1, voters: 3, needed: 2 }),
    ]);
    // The last leader notices it lost its majority (check-quorum) and steps down.
    expect(ofType(lost, 'controller.resigned')).toEqual([
      expect.objectContaining({ controllerId: 1001, reason: { code: 'check-quorum' } }),
    ]);
    expectMetadataFrozen(lost);
    const failed = ofType(lost, 'record.failed');
    expect(ofType(lost, 'record.acked')).toEqual([]);
    expect(new Set(failed.filter((e) => !e.retriable).map((e) => e.error))).toEqual(
      new Set(['DELIVERY_TIMEOUT']),
    );
    // The fencing the old leader decided before it stepped down never committed: taken back.
    expect(run.engine.view().brokers.find((b) => b.id === 3)!.fenced).toBe(false);
    expect((run.engine.view().metadata as MetadataView).quorum).toEqual({
      live: 1,
      needed: 2,
      lost: true,
    });

    run.do({ type: 'restartController', controllerId: 1002 });
    const back = run.to(70_000);
    expect(ofType(back, 'metadata.quorum-restored')).toHaveLength(1);
    expect(ofType(back, 'controller.changed')).toHaveLength(1);
    expect(ofType(back, 'broker.fenced').map((e) => e.brokerId)).toEqual([3]);
    expect(ofType(back, 'record.acked').length).toBeGreaterThan(0);
    oneControllerPerEpoch(run);
  });

  it('an isolated active controller steps down by check-quorum, and the others elect a new one', () => {
    const run = new Run(kraft());
    run.to(5000);
    run.do({ type: 'isolateController', controllerId: 1001 });
    run.to(30_000);
    const resigned = run.all('controller.resigned');
    expect(resigned).toEqual([
      expect.objectContaining({ controllerId: 1001, reason: { code: 'check-quorum' } }),
    ]);
    // 1.5 fetch timeouts (6 s in classroom) after the followers' last fetch.
    expect(resigned[0].t - 5000).toBeGreaterThanOrEqual(5000);
    expect(resigned[0].t - 5000).toBeLessThanOrEqual(6500);
    const changed = run.all('controller.changed').filter((e) => e.t > 5000);
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed[0].controllerId).not.toBe(1001);
    oneControllerPerEpoch(run);
    // Healed, it learns the new epoch and follows.
    run.do({ type: 'healController', controllerId: 1001 });
    run.to(45_000);
    const node = (run.engine.view().metadata as MetadataView).nodes.find((n) => n.id === 1001)!;
    expect(node.role).toBe('follower');
    expect(node.epoch).toBe((run.engine.view().metadata as MetadataView).epoch);
  });

  it('commits a change before it takes effect: a fence comes at least a round trip after the broker is declared dead', () => {
    const run = new Run(kraft());
    run.to(5000);
    run.do({ type: 'killBroker', brokerId: 2 });
    const events = run.to(20_000);
    const fenced = ofType(events, 'broker.fenced');
    expect(fenced.map((e) => e.brokerId)).toEqual([2]);
    // The session check fires 4 s (classroom broker.session.timeout.ms) after the last heartbeat
    // reached the controller; the fence is committed only when a follower has fetched the
    // record (a trip out) and said so in its next fetch (a trip back): at least 2 x 240 ms.
    const lastHeartbeat = ofType(run.all('net.sent'), 'net.sent')
      .filter((m) => m.kind === 'broker-heartbeat' && m.from === 'broker:2' && !m.dropped)
      .reduce((last, m) => Math.max(last, m.deliverAt), 0);
    expect(lastHeartbeat).toBeGreaterThan(4000);
    expect(fenced[0].t - (lastHeartbeat + 4000)).toBeGreaterThanOrEqual(2 * 240);
  });

  it('saves and restores mid-election and while a change waits for the quorum, and runs on the same', () => {
    const s = kraft({
      actions: [
        { at: 5000, type: 'killController', controllerId: 1002 },
        { at: 5000, type: 'killController', controllerId: 1003 },
        { at: 5000, type: 'killBroker', brokerId: 3 },
        { at: 20_000, type: 'restartController', controllerId: 1003 },
        { at: 30_000, type: 'killController', controllerId: 1001 },
        { at: 31_000, type: 'restartController', controllerId: 1002 },
      ],
    });
    // 9.5 s: broker 3's fence waits for a quorum that is gone; 33 s: an election is under way.
    expectRestoreRunsOn(s, [9500, 33_000], 60_000);
  });

  it('shows only committed metadata: partitions added without a majority appear once a later leader commits them', () => {
    const run = new Run(kraft());
    run.to(5000);
    run.do({ type: 'killController', controllerId: 1002 });
    run.do({ type: 'killController', controllerId: 1003 });
    // 1001 still believes it leads (until check-quorum): it accepts the change, cannot commit it.
    run.do({ type: 'addPartitions', topic: 'orders', count: 1 });
    const waiting = run.to(8000);
    expect(ofType(waiting, 'partitions.added')).toEqual([]);
    expect(run.engine.view().topics[0].partitions).toHaveLength(3);
    run.to(20_000);
    expect(run.engine.view().topics[0].partitions).toHaveLength(3);
    // 1002 comes back with a shorter log: only 1001 can win, and its log holds the change.
    run.do({ type: 'restartController', controllerId: 1002 });
    const back = run.to(40_000);
    expect(ofType(back, 'partitions.added')).toEqual([
      expect.objectContaining({ topic: 'orders', from: 3, to: 4 }),
    ]);
    expect((run.engine.view().metadata as MetadataView).activeController).toBe(1001);
    expect(run.engine.view().topics[0].partitions).toHaveLength(4);
  });

  it('removes a broker under a quorum: reassigned, shut down, then unregistered', () => {
    const run = new Run(
      kraft({
        cluster: {
          brokers: 4,
          metadata: { mode: 'kraft' },
          config: { 'min.insync.replicas': 2 },
        },
      }),
    );
    run.to(3000);
    run.do({ type: 'removeBroker', brokerId: 4 });
    run.to(60_000);
    expect(run.all('broker.unregistered').map((e) => e.brokerId)).toEqual([4]);
    expect(run.engine.view().brokers.map((b) => b.id)).toEqual([1, 2, 3]);
  });

  it('a quorum of one: its controller comes back as the active one after a restart', () => {
    const run = new Run(
      kraft({
        cluster: {
          brokers: 3,
          metadata: { mode: 'kraft', controllers: 1 },
          config: { 'min.insync.replicas': 2 },
        },
      }),
    );
    run.to(5000);
    run.do({ type: 'killController', controllerId: 1001 });
    expect(ofType(run.to(10_000), 'metadata.quorum-lost')).toHaveLength(1);
    run.do({ type: 'restartController', controllerId: 1001 });
    run.to(20_000);
    expect(run.engine.view().metadata).toMatchObject({ activeController: 1001, epoch: 2 });
  });

  it('refuses controller commands that name no controller, or a cluster without a quorum', () => {
    const run = new Run(kraft());
    const unknown = run.engine.dispatch({ type: 'killController', controllerId: 7 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CONTROLLER' } });
    const zookeeper = new Run(
      scenario({ cluster: { brokers: 1, metadata: { mode: 'zookeeper' } } }),
    );
    expect(zookeeper.engine.dispatch({ type: 'killController', controllerId: 1001 })).toMatchObject(
      {
        ok: false,
        error: { code: 'NO_CONTROLLER_QUORUM' },
      },
    );
    run.do({ type: 'killController', controllerId: 1003 });
    expect(run.engine.dispatch({ type: 'killController', controllerId: 1003 })).toMatchObject({
      ok: false,
      error: { code: 'CONTROLLER_NOT_RUNNING' },
    });
  });
});
