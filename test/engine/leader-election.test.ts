// Leader election when a broker dies (kafka-spec 4.2, 3.1): the controller picks the first
// replica in assignment order that is in the (new) ISR, bumps the leader epoch by one, and the
// clients find the new leader through a metadata refresh (4.3).
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { keysFor, must, ofType, partitionOf, runTo, scenario, start } from './helpers';

/** 3 brokers, `orders` with 3 partitions on all of them, a producer aimed at orders-0. */
function ordersCluster(minIsr: number) {
  return scenario({
    seed: 3,
    cluster: { brokers: 3, config: { 'min.insync.replicas': minIsr } },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    producers: [
      {
        id: 'checkout',
        topic: 'orders',
        ratePerSec: 5,
        keys: keysFor(0, 3, 2),
        config: { acks: 'all' },
      },
    ],
  });
}

/** The first replica of `replicas` that is in `isr` (the controller's ONLINE election rule). */
function firstInIsr(replicas: number[], isr: number[]): number | undefined {
  return replicas.find((id) => isr.includes(id));
}

function leaderElections(engine: Engine, events = engine.drainEvents()) {
  return ofType(events, 'partition.leader-elected').filter(
    (e) => e.topic === 'orders' && e.partition === 0,
  );
}

describe('killing the leader of orders-0', () => {
  it('elects the next in-ISR replica in assignment order with leaderEpoch + 1', () => {
    const { engine, events } = start(ordersCluster(2), 5000);
    const before = partitionOf(engine, 'orders', 0);
    expect(before.leaderEpoch).toBe(0);
    expect(before.leader).toBe(before.replicas[0]);
    expect(leaderElections(engine, events)).toHaveLength(1);

    must(engine, { type: 'killBroker', brokerId: before.leader });
    const after = runTo(engine, 20_000);
    const elections = leaderElections(engine, after);
    expect(elections).toHaveLength(1);
    const election = elections[0];

    const survivors = before.isr.filter((id) => id !== before.leader);
    expect(election).toMatchObject({
      previousLeader: before.leader,
      leaderEpoch: 1,
      unclean: false,
      reason: { code: 'leader-failed', brokerId: before.leader },
    });
    expect(election.leader).toBe(firstInIsr(before.replicas, survivors));
    expect([...election.isr].sort()).toEqual([...survivors].sort());
    // The election happens once the dead broker is fenced (broker.session.timeout.ms), not before.
    const fenced = ofType(after, 'broker.fenced').find((e) => e.brokerId === before.leader);
    expect(fenced).toBeDefined();
    expect(election.t).toBeGreaterThanOrEqual(fenced!.t);

    const now = partitionOf(engine, 'orders', 0);
    expect(now.leader).toBe(election.leader);
    expect(now.leaderEpoch).toBe(1);
    expect(now.isr).not.toContain(before.leader);
    expect(now.leaderHistory.map((h) => [h.leader, h.leaderEpoch])).toEqual([
      [before.leader, 0],
      [election.leader, 1],
    ]);
  });

  it('lets the producer find the new leader: a metadata refresh, then acks resume', () => {
    const { engine, events } = start(ordersCluster(2), 5000);
    const oldLeader = partitionOf(engine, 'orders', 0).leader;
    const ackedBefore = ofType(events, 'record.acked').filter((e) => e.partition === 0);
    expect(ackedBefore.length).toBeGreaterThan(0);

    must(engine, { type: 'killBroker', brokerId: oldLeader });
    const after = runTo(engine, 25_000);
    const election = leaderElections(engine, after)[0];
    const refresh = ofType(after, 'producer.metadata-refreshed').find(
      (e) => e.producerId === 'checkout' && e.t >= election.t,
    );
    expect(refresh, 'the producer refreshes its metadata after the election').toBeDefined();

    const resumed = ofType(after, 'record.acked').filter(
      (e) => e.partition === 0 && e.t > refresh!.t,
    );
    expect(resumed.length).toBeGreaterThan(0);
    // New records continue the log after the old leader's last acknowledged offset.
    const lastBefore = Math.max(...ackedBefore.map((e) => e.offset));
    expect(Math.min(...resumed.map((e) => e.offset))).toBeGreaterThan(lastBefore);
    // And the producer's metadata cache names the new leader.
    const producer = engine.view().producers.find((p) => p.id === 'checkout')!;
    expect(producer.knownLeaders[0]).toBe(election.leader);
    // Every acknowledgement after the refresh is in the new leader's log; records it appended
    // itself carry its epoch (retried records the old leader had replicated keep epoch 0).
    const epochs = resumed.map((ack) => {
      const [record] = engine.partitionLog('orders', 0, { fromOffset: ack.offset, limit: 1 });
      expect(record).toMatchObject({ offset: ack.offset, value: ack.value });
      return record.leaderEpoch;
    });
    expect(epochs).toContain(1);
  });

  it('skips a replica that has left the ISR, even if it comes first in assignment order', () => {
    const { engine } = start(ordersCluster(1), 4000);
    const p = partitionOf(engine, 'orders', 0);
    const [leader, second, third] = p.replicas;

    // A graceful stop of the second replica takes it out of the ISR (controlled shutdown).
    must(engine, { type: 'stopBroker', brokerId: second });
    const stopped = runTo(engine, 9000);
    const shrunk = ofType(stopped, 'isr.shrunk').find(
      (e) => e.topic === 'orders' && e.partition === 0 && e.brokerId === second,
    );
    expect(shrunk?.isr).toEqual([leader, third]);

    must(engine, { type: 'killBroker', brokerId: leader });
    const election = leaderElections(engine, runTo(engine, 20_000))[0];
    expect(election).toMatchObject({
      leader: third,
      previousLeader: leader,
      leaderEpoch: 1,
      isr: [third],
    });
  });
});
