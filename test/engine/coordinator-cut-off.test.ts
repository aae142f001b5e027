// A group coordinator cut off from the network (kafka-spec 5.1): it cannot write to
// __consumer_offsets, so it decides nothing while cut off; but what fell due meanwhile (a
// member's session, the end of a rebalance phase) is decided once it is back, not forgotten.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

describe('a coordinator cut off from the network for a moment', () => {
  it('expires a crashed member whose session ran out meanwhile once it is back', () => {
    const run = new Run(
      scenario({
        seed: 4,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 2, replicationFactor: 3 }],
        producers: [{ id: 'p', topic: 't', ratePerSec: 5, keys: null }],
        groups: [{ id: 'audit', topics: ['t'], consumers: 2 }],
      }),
    );
    run.to(10_000);
    // The controllers run on nodes of their own (1001..): cutting the coordinator off leaves them.
    const coordinator = run.engine.view().groups[0].coordinator!;
    run.do({ type: 'killConsumer', consumerId: 'audit-2' });
    run.to(15_000);
    // audit-2's session (6 s in the classroom preset) runs out while its coordinator is cut off
    // (for less than broker.session.timeout.ms: it stays the coordinator).
    run.do({ type: 'isolateBroker', brokerId: coordinator });
    run.to(17_500);
    run.do({ type: 'healBroker', brokerId: coordinator });
    run.to(30_000);

    const expired = run
      .all('consumer.failed')
      .filter((e) => e.consumerId === 'audit-2' && e.reason.code === 'member-session-timeout');
    expect(expired).toHaveLength(1);
    expect(expired[0].t).toBeGreaterThanOrEqual(17_500);
    const view = run.engine.view().groups[0];
    expect(view.state).toBe('Stable');
    expect(run.all('group.rebalance-completed').at(-1)?.assignment).toEqual({
      'audit-1': ['t-0', 't-1'],
    });
  });
});
