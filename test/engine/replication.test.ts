// Followers catch up and rejoin the ISR (kafka-spec 3.2, 3.4, 3.6): a restarted replica fetches
// from the leader, truncates to the leader's history by leader epoch if it diverged, and is
// added back to the ISR once its log end reaches the leader's high watermark.
import { describe, expect, it } from 'vitest';
import { partitionOf, Run, scenario } from './helpers';

function onePartition(minIsr: number) {
  return scenario({
    seed: 1,
    cluster: { brokers: 3, config: { 'min.insync.replicas': minIsr } },
    topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
    producers: [{ id: 'p', topic: 't', ratePerSec: 2, config: { acks: 'all' } }],
  });
}

describe('a restarted follower', () => {
  it('catches up with the leader and rejoins the ISR', () => {
    const run = new Run(onePartition(2));
    run.to(5000);
    const { leader, replicas } = partitionOf(run.engine, 't', 0);
    const follower = replicas.find((id) => id !== leader)!;
    run.do({ type: 'killBroker', brokerId: follower }).to(15_000);
    expect(partitionOf(run.engine, 't', 0).isr).not.toContain(follower);

    run.do({ type: 'restartBroker', brokerId: follower });
    const back = run.to(30_000);
    const expanded = back.find((e) => e.type === 'isr.expanded' && e.brokerId === follower);
    expect(expanded).toBeDefined();
    const p = partitionOf(run.engine, 't', 0);
    expect([...p.isr].sort()).toEqual([1, 2, 3]);
    const replica = p.replicaStates.find((r) => r.brokerId === follower)!;
    expect(replica.logEndOffset).toBeGreaterThanOrEqual(p.highWatermark);
  });

  // kafka-spec 3.6: truncation brings the follower's epoch history in line with the leader's.
  // Kafka's UnifiedLog.truncateTo also drops leader-epoch entries at or above the LEO when
  // there is nothing to truncate ("this broker was a leader and inserted the first start offset
  // entry, but then failed to append any entries before another leader was elected").
  it('rejoins even if it had been leader of an epoch in which it appended nothing', () => {
    const run = new Run(onePartition(1));
    run.to(5000);
    run.do({ type: 'pauseProducer', producerId: 'p' }).to(7000);
    const first = partitionOf(run.engine, 't', 0).leader;
    // Each failover waits for the session timeout (and a controller failover when the dead
    // broker was the controller): run until the leader epoch moves, at most a minute.
    const untilEpoch = (epoch: number) => {
      const limit = run.engine.now + 60_000;
      while (partitionOf(run.engine, 't', 0).leaderEpoch < epoch && run.engine.now < limit)
        run.to(run.engine.now + 500);
    };
    run.do({ type: 'killBroker', brokerId: first });
    untilEpoch(1);
    // The second leader leads epoch 1 without appending anything, then dies as well.
    const second = partitionOf(run.engine, 't', 0);
    expect(second.leaderEpoch).toBe(1);
    run.do({ type: 'killBroker', brokerId: second.leader });
    untilEpoch(2);
    expect(partitionOf(run.engine, 't', 0).leaderEpoch).toBe(2);

    run.do({ type: 'restartBroker', brokerId: first });
    run.do({ type: 'restartBroker', brokerId: second.leader });
    run.do({ type: 'resumeProducer', producerId: 'p' }).to(run.engine.now + 40_000);

    const p = partitionOf(run.engine, 't', 0);
    const logEnds = Object.fromEntries(p.replicaStates.map((r) => [r.brokerId, r.logEndOffset]));
    expect([...p.isr].sort(), JSON.stringify(logEnds)).toEqual([1, 2, 3]);
    for (const r of p.replicaStates) expect(r.logEndOffset).toBeGreaterThanOrEqual(p.highWatermark);
  });

  // kafka-spec 3.6 and 7, after an unclean election (3.7): the old leader's history diverges
  // from the new leader's at an offset below its own log start (retention deleted the rest).
  // Kafka's UnifiedLog.truncateTo then empties the log and restarts it at the truncation point
  // (truncateFullyAndStartAt); the follower fetches from there, is told OFFSET_OUT_OF_RANGE if
  // the leader's log starts later, restarts at the leader's log start, catches up and rejoins.
  it('rejoins after an unclean election left its log start beyond the divergence point', () => {
    const run = new Run(
      scenario({
        seed: 4,
        cluster: { brokers: 3, config: { 'unclean.leader.election.enable': true } },
        topics: [
          { name: 't', partitions: 1, replicationFactor: 2, config: { 'retention.ms': 5000 } },
        ],
        producers: [
          {
            id: 'p',
            topic: 't',
            ratePerSec: 20,
            config: { acks: '1', 'enable.idempotence': false },
          },
        ],
      }),
    );
    run.to(3000);
    const { leader, replicas } = partitionOf(run.engine, 't', 0);
    const follower = replicas.find((id) => id !== leader)!;
    // The follower leaves; the leader alone writes on, and retention moves its log start on.
    run.do({ type: 'stopBroker', brokerId: follower }).to(25_000);
    run.do({ type: 'killBroker', brokerId: leader }).to(32_000);
    // The stale follower comes back first and is elected uncleanly.
    run.do({ type: 'restartBroker', brokerId: follower }).to(40_000);
    const elected = run.all('partition.leader-elected').at(-1)!;
    expect(elected).toMatchObject({ leader: follower, unclean: true });
    const oldStart = run
      .all('log.retention-deleted')
      .filter((e) => e.brokerId === leader)
      .at(-1)!.logStartOffset;
    expect(oldStart).toBeGreaterThan(100);

    run.do({ type: 'restartBroker', brokerId: leader }).to(80_000);
    const p = partitionOf(run.engine, 't', 0);
    const states = JSON.stringify(
      p.replicaStates.map((r) => [r.brokerId, r.logStartOffset, r.logEndOffset]),
    );
    expect([...p.isr].sort(), states).toEqual([...replicas].sort());
    const old = p.replicaStates.find((r) => r.brokerId === leader)!;
    expect(old.logEndOffset, states).toBe(p.logEndOffset);
  });
});
