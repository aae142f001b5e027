// KRaft in combined placement (process.roles=broker,controller; design.md 3.10): controller N
// runs inside broker N, one process. The audit case: with two of three combined nodes down,
// real Kafka has no active controller, so nothing is fenced or elected and acks=all times out.
import { describe, expect, it } from 'vitest';
import { createEngine, EngineInputError, type MetadataView, type Scenario } from '../../src/engine';
import {
  expectMetadataFrozen,
  ofType,
  oneControllerPerEpoch,
  Run,
  scenario,
  expectRestoreRunsOn,
} from './helpers';

function combined(parts: Partial<Scenario> = {}): Scenario {
  return scenario({
    seed: 3,
    cluster: {
      brokers: 3,
      metadata: { mode: 'kraft', placement: 'combined' },
      config: { 'min.insync.replicas': 2 },
    },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 5, config: { acks: 'all' } }],
    ...parts,
  });
}

const metadataOf = (run: Run) => run.engine.view().metadata as MetadataView;

describe('a KRaft quorum in combined placement (controllers inside brokers 1-3)', () => {
  it('runs controllers 1-3 inside brokers 1-3: broker 1 is the active controller, and their traffic is broker to broker', () => {
    const run = new Run(combined());
    const events = run.to(5000);
    const m = metadataOf(run);
    expect(m.placement).toBe('combined');
    expect(m.activeController).toBe(1);
    expect(m.nodes.map((n) => [n.id, n.role])).toEqual([
      [1, 'leader'],
      [2, 'follower'],
      [3, 'follower'],
    ]);
    expect(run.engine.view().brokers.map((b) => b.isController)).toEqual([true, false, false]);
    // No node of its own: the quorum's fetches go between the brokers' addresses.
    const fetches = ofType(events, 'net.sent').filter((e) => e.kind === 'metadata-fetch');
    expect(fetches.length).toBeGreaterThan(0);
    for (const e of fetches) {
      expect(e.from).toMatch(/^broker:[23]$/);
      expect(e.to).toBe('broker:1');
    }
    expect(ofType(events, 'net.sent').some((e) => e.to.startsWith('controller:'))).toBe(false);
    // Producing works as in any cluster.
    expect(ofType(events, 'record.acked').length).toBeGreaterThan(0);
  });

  it('a crash of broker 1 takes controller 1 with it: another voter leads in a higher epoch and fences broker 1', () => {
    const run = new Run(combined());
    run.to(10_000);
    run.do({ type: 'killBroker', brokerId: 1 });
    const after = run.to(40_000);
    expect(ofType(after, 'controller.node-stopped').map((e) => e.controllerId)).toEqual([1]);
    const changed = ofType(after, 'controller.changed');
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect([2, 3]).toContain(changed[0].controllerId);
    expect(changed[0].epoch).toBeGreaterThan(1);
    // The new controller fences the dead broker and moves leadership off it.
    const fenced = ofType(after, 'broker.fenced');
    expect(fenced.map((e) => e.brokerId)).toEqual([1]);
    expect(fenced[0].t).toBeGreaterThan(changed[0].t);
    for (const p of run.engine.view().topics.find((t) => t.name === 'orders')!.partitions)
      expect(p.leader).not.toBe(1);
    oneControllerPerEpoch(run);

    // Restarted, broker 1 comes back with its controller, which follows the new leader.
    run.do({ type: 'restartBroker', brokerId: 1 });
    const back = run.to(60_000);
    expect(ofType(back, 'controller.node-started')).toEqual([
      expect.objectContaining({ controllerId: 1, restart: true }),
    ]);
    const node1 = metadataOf(run).nodes.find((n) => n.id === 1)!;
    expect(node1.role).toBe('follower');
    expect(node1.epoch).toBe(metadataOf(run).epoch);
  });

  it('with two of three combined nodes down there is no active controller: no fencing, no election, acks=all times out', () => {
    const run = new Run(combined());
    run.to(5000);
    run.do({ type: 'killBroker', brokerId: 2 });
    run.do({ type: 'killBroker', brokerId: 3 });
    const lost = run.to(40_000);
    expect(ofType(lost, 'metadata.quorum-lost')).toEqual([
      expect.objectContaining({ live: 1, voters: 3, needed: 2 }),
    ]);
    // Controller 1 stays up with its broker but loses its majority, and steps down.
    expect(ofType(lost, 'controller.resigned')).toEqual([
      expect.objectContaining({ controllerId: 1, reason: { code: 'check-quorum' } }),
    ]);
    expectMetadataFrozen(lost);
    expect(ofType(lost, 'record.acked').filter((e) => e.t > 6000)).toEqual([]);
    expect(metadataOf(run).activeController).toBeNull();

    // One node back is a majority again: a controller is elected and acks resume. Controller 1
    // leads again, and the fences it wrote alone in epoch 1 (brokers 2 and 3, uncommitted) now
    // commit with its new epoch, as Raft commits a leader's older entries; broker 2, running
    // again, registers anew and is unfenced once caught up.
    run.do({ type: 'restartBroker', brokerId: 2 });
    const back = run.to(75_000);
    expect(ofType(back, 'metadata.quorum-restored')).toHaveLength(1);
    expect(ofType(back, 'controller.changed')).toEqual([
      expect.objectContaining({ controllerId: 1, epoch: 2 }),
    ]);
    expect(ofType(back, 'broker.fenced').map((e) => e.brokerId)).toContain(3);
    expect(run.engine.view().brokers.map((b) => b.fenced)).toEqual([false, false, true]);
    expect(ofType(back, 'record.acked').length).toBeGreaterThan(0);
    oneControllerPerEpoch(run);
  });

  it('takes controller commands as commands on the broker that hosts the controller', () => {
    const run = new Run(combined());
    run.to(3000);
    expect(run.engine.dispatch({ type: 'killController', controllerId: 2 })).toEqual({ ok: true });
    let events = run.to(4000);
    expect(ofType(events, 'broker.stopped').map((e) => e.brokerId)).toEqual([2]);
    expect(ofType(events, 'controller.node-stopped').map((e) => e.controllerId)).toEqual([2]);
    expect(run.engine.dispatch({ type: 'restartController', controllerId: 2 })).toEqual({
      ok: true,
    });
    expect(run.engine.dispatch({ type: 'isolateController', controllerId: 3 })).toEqual({
      ok: true,
    });
    events = run.to(5000);
    expect(ofType(events, 'broker.started').map((e) => e.brokerId)).toEqual([2]);
    expect(ofType(events, 'broker.isolated').map((e) => e.brokerId)).toEqual([3]);
    expect(ofType(events, 'controller.node-isolated').map((e) => e.controllerId)).toEqual([3]);
    expect(metadataOf(run).nodes.find((n) => n.id === 3)!.isolated).toBe(true);
    // A controller is not a broker to remove: that would take a voter out of the quorum.
    const removed = run.engine.dispatch({ type: 'removeBroker', brokerId: 1 });
    expect(removed.ok).toBe(false);
    if (!removed.ok) expect(removed.error.code).toBe('BROKER_IS_VOTER');
  });

  it('refuses a combined quorum with more controllers than brokers, naming both counts', () => {
    const bad = combined({
      cluster: { brokers: 2, metadata: { mode: 'kraft', controllers: 3, placement: 'combined' } },
      topics: [],
      producers: [],
    });
    let errors: { field?: string; message: string }[] = [];
    try {
      createEngine(bad);
    } catch (e) {
      errors = (e as EngineInputError).errors;
    }
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'cluster.metadata.controllers',
        message: expect.stringContaining('3 controllers need at least 3 brokers, got 2'),
      }),
    ]);
  });

  it('saves and restores while the quorum is lost and runs on the same', () => {
    const s = combined({
      actions: [
        { at: 5000, type: 'killBroker', brokerId: 2 },
        { at: 5000, type: 'killBroker', brokerId: 3 },
        { at: 20_000, type: 'restartBroker', brokerId: 3 },
      ],
    });
    expectRestoreRunsOn(s, [12_000], 40_000);
  });
});
