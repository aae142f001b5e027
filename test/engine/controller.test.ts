// The active controller (kafka-spec 4.2, design.md 3.10): a scenario that does not say who keeps
// the metadata runs a KRaft quorum of 3 dedicated controllers, as a Kafka 4 cluster does. The
// active controller is controller 1001 at the start, no broker is the controller, and it moves
// only when a controller fails, never because a broker died.
import { describe, expect, it } from 'vitest';
import { ofType, Run, scenario } from './helpers';

describe('the controller', () => {
  it('is a quorum of 3 dedicated controllers when the scenario does not say', () => {
    const run = new Run(scenario({ seed: 12, cluster: { brokers: 3 } }));
    run.to(3000);
    const view = run.engine.view();
    expect(view.metadata).toMatchObject({ mode: 'kraft', activeController: 1001 });
    expect(view.metadata!.nodes.map((n) => n.id)).toEqual([1001, 1002, 1003]);
    expect(view.controller.brokerId).toBeNull();
    expect(view.brokers.some((b) => b.isController)).toBe(false);
    expect(view.simplifications).not.toContain('zookeeper-model');
  });

  it('moves to another controller when the active one dies, which then fences a dead broker', () => {
    const run = new Run(
      scenario({
        seed: 12,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
      }),
    );
    run.to(3000);
    const before = run.engine.view();
    run.do({ type: 'killController', controllerId: 1001 });
    const changed = ofType(run.to(15_000), 'controller.changed');
    expect(changed).toHaveLength(1);
    const next = changed[0].controllerId!;
    expect([1002, 1003]).toContain(next);
    expect(changed[0].epoch).toBeGreaterThan(before.controller.epoch);
    expect(run.engine.view().metadata!.activeController).toBe(next);

    run.do({ type: 'killBroker', brokerId: 1 });
    const events = run.to(28_000);
    expect(ofType(events, 'broker.fenced').map((e) => e.brokerId)).toEqual([1]);
    for (const p of run.engine.view().topics[0].partitions) {
      expect(p.leader).not.toBe(1);
      expect(p.offline).toBe(false);
    }
  });

  it('stays put when a broker dies', () => {
    const run = new Run(scenario({ seed: 12, cluster: { brokers: 3 } }));
    run.to(3000);
    const before = run.engine.view();
    run.do({ type: 'killBroker', brokerId: 1 });
    expect(ofType(run.to(15_000), 'controller.changed')).toEqual([]);
    expect(run.engine.view().metadata!.activeController).toBe(before.metadata!.activeController);
    expect(run.engine.view().controller).toEqual(before.controller);
  });
});
