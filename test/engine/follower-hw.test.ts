// A follower's high watermark (kafka-spec 3.2; Kafka's ReplicaFetcherThread and
// UnifiedLog.updateHighWatermark): each fetch answer sets it to the leader's HW, kept within the
// follower's own log. It is not a maximum: after a truncation to a new leader whose HW is
// behind, it goes down to that HW.
import { describe, expect, it } from 'vitest';
import { Run, scenario } from './helpers';

describe("a follower's high watermark", () => {
  it("is min(leader's HW, own LEO): it goes down to a new leader's lower HW after truncating", () => {
    // Replicas 2, 3, 4 (broker 1 keeps the controller out of the way). min.insync.replicas 2
    // stalls the HW of a leader left alone in its ISR (Kafka 3.7+); acks=1 keeps writes going.
    const run = new Run(
      scenario({
        seed: 1,
        cluster: { brokers: 4 },
        topics: [
          {
            name: 't',
            partitions: 1,
            replicationFactor: 3,
            assignment: [[2, 3, 4]],
            config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': true },
          },
        ],
        producers: [{ id: 'p', topic: 't', ratePerSec: 10, keys: null, config: { acks: '1' } }],
      }),
    );
    const replica = (id: number) =>
      run.engine.view().topics[0].partitions[0].replicaStates.find((r) => r.brokerId === id)!;
    // Broker 3 stops early with a short log whose HW lags its log end.
    run.to(8000);
    run.do({ type: 'killBroker', brokerId: 3 });
    run.to(14_000);
    run.do({ type: 'pauseProducer', producerId: 'p' });
    run.do({ type: 'killBroker', brokerId: 4 });
    run.to(16_000);
    run.do({ type: 'killBroker', brokerId: 2 });
    run.to(26_000);
    // Broker 3 comes back alone: an unclean election makes it leader, and its HW cannot move
    // (one replica in the ISR, min.insync.replicas 2).
    run.do({ type: 'restartBroker', brokerId: 3 });
    run.to(32_000);
    const leader = replica(3);
    expect(run.engine.view().topics[0].partitions[0].leader).toBe(3);
    expect(leader.highWatermark).toBeLessThan(leader.logEndOffset);

    // Broker 4 returns with a longer log and a higher HW: it truncates to the leader's log end,
    // then the leader's answers bring its HW down to the leader's.
    run.do({ type: 'restartBroker', brokerId: 4 });
    let lowest = Infinity;
    run.stepUntil((r) => {
      if (r.all('log.truncated').some((e) => e.brokerId === 4))
        lowest = Math.min(lowest, replica(4).highWatermark);
      return lowest === leader.highWatermark || r.engine.now > 40_000;
    }, 41_000);
    expect(run.all('log.truncated').find((e) => e.brokerId === 4)?.fromOffset).toBe(
      leader.logEndOffset,
    );
    expect(lowest).toBe(leader.highWatermark);
  });
});
