// The active controller (kafka-spec 4.2; the quorum itself is simplified, see
// ClusterView.simplifications): when its broker dies another broker takes over, the event says
// which, and the view agrees.
import { describe, expect, it } from 'vitest';
import { ofType, Run, scenario } from './helpers';

describe('the controller', () => {
  it('moves to another running broker when its broker dies, and the view says which', () => {
    const run = new Run(
      scenario({
        seed: 12,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 3, replicationFactor: 3 }],
      }),
    );
    run.to(3000);
    const before = run.engine.view();
    const first = before.controller.brokerId!;
    expect(first).not.toBeNull();
    expect(before.brokers.filter((b) => b.isController).map((b) => b.id)).toEqual([first]);

    run.do({ type: 'killBroker', brokerId: first });
    const events = run.to(15_000);
    const changed = ofType(events, 'controller.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      previousControllerId: first,
      epoch: before.controller.epoch + 1,
    });
    const next = changed[0].controllerId!;
    expect(next).not.toBe(first);

    const after = run.engine.view();
    expect(after.controller).toEqual({ brokerId: next, epoch: before.controller.epoch + 1 });
    expect(after.brokers.filter((b) => b.isController).map((b) => b.id)).toEqual([next]);
    expect(after.brokers.find((b) => b.id === next)!.status).toBe('running');
    // The new controller does the controller's work: it fences the dead broker and moves the
    // leadership of the partitions it led.
    expect(ofType(events, 'broker.fenced').map((e) => e.brokerId)).toContain(first);
    for (const p of after.topics[0].partitions) {
      expect(p.leader).not.toBe(first);
      expect(p.offline).toBe(false);
    }
  });

  it('stays put when another broker dies', () => {
    const run = new Run(scenario({ seed: 12, cluster: { brokers: 3 } }));
    run.to(3000);
    const controller = run.engine.view().controller;
    const other = [1, 2, 3].find((id) => id !== controller.brokerId)!;
    run.do({ type: 'killBroker', brokerId: other });
    expect(ofType(run.to(15_000), 'controller.changed')).toEqual([]);
    expect(run.engine.view().controller).toEqual(controller);
  });
});
