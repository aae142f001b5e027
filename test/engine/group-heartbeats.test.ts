// Heartbeats around a rebalance (Kafka's AbstractCoordinator.HeartbeatThread and the classic
// group coordinator's heartbeat handling): a member heartbeats once its JoinGroup is answered,
// also while it waits for its assignment, and the coordinator answers those heartbeats NONE.
import { describe, expect, it } from 'vitest';
import { ofType, Run, scenario } from './helpers';

describe('a heartbeat while the group is in CompletingRebalance', () => {
  it('is sent by a member waiting for its assignment and answered NONE, not REBALANCE_IN_PROGRESS', () => {
    const run = new Run(
      scenario({
        seed: 3,
        cluster: { brokers: 3 },
        topics: [{ name: 't', partitions: 3, replicationFactor: 2 }],
        groups: [{ id: 'g', topics: ['t'], consumers: 2 }],
      }),
    );
    run.to(15_000);
    expect(run.engine.view().groups[0].state).toBe('Stable');
    run.do({ type: 'addConsumer', groupId: 'g' });
    // The join phase is over: every member has its JoinGroup answer and sends SyncGroup.
    run.stepUntil((r) => r.engine.view().groups[0].state === 'CompletingRebalance', 30_000);
    const leader = run.engine.view().groups[0].leaderConsumerId!;
    // The leader's SyncGroup (with the assignment) never arrives: the group stays there.
    run.do({ type: 'isolateClient', clientId: leader });
    const from = run.engine.now;
    // (Less than a session: the cut-off leader is expired after session.timeout.ms.)
    const events = run.to(from + 5000);
    expect(run.engine.view().groups[0].state).toBe('CompletingRebalance');

    const followers = ['g-1', 'g-2', 'g-3'].filter((id) => id !== leader);
    const answers = ofType(events, 'net.sent').filter(
      (e) => e.kind === 'heartbeat-response' && followers.some((id) => e.to === `consumer:${id}`),
    );
    expect(answers.length).toBeGreaterThanOrEqual(followers.length);
    expect(answers.filter((e) => e.error !== undefined)).toEqual([]);
  });
});
