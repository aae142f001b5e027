// acks=1 can lose acknowledged records; acks=all under the same fault cannot
// (kafka-spec 1.3, 3.9 items 1 and 2, 3.6 truncation).
//
// How the fault is made deterministic: with the classroom preset (300 +-60 ms one way) the two
// followers of t-0 are isolated for 1.5 s. That is shorter than broker.session.timeout.ms (4 s)
// and replica.lag.time.max.ms (8 s), so both stay in the ISR, but long enough for the leader to
// receive five records, append them and (acks=1) acknowledge them while no follower can fetch.
// At 6.5 s the leader crashes and the followers are healed in the same instant: the controller
// fences the leader after its session timeout and elects the first follower in assignment
// order, whose log lacks the five records. New records then take their offsets, and when the
// old leader restarts it truncates to the new leader's history (KIP-101/279).
import { describe, expect, it } from 'vitest';
import { missingAcked, partitionOf, Run, scenario, wholeLog } from './helpers';

function leaderDiesBeforeFollowersFetch(acks: '1' | 'all') {
  const run = new Run(
    scenario({
      seed: 11,
      cluster: { brokers: 3 },
      topics: [{ name: 't', partitions: 1, replicationFactor: 3 }],
      producers: [
        { id: 'p', topic: 't', ratePerSec: 0, config: { acks, 'enable.idempotence': false } },
      ],
    }),
  );
  const produce = (value: string) => run.do({ type: 'produce', producerId: 'p', key: null, value });
  run.to(3000);
  const { leader, replicas } = partitionOf(run.engine, 't', 0);
  const followers = replicas.filter((id) => id !== leader);
  for (const v of ['before-0', 'before-1', 'before-2']) produce(v);
  run.to(5000);

  for (const id of followers) run.do({ type: 'isolateBroker', brokerId: id });
  for (let i = 0; i < 5; i++) produce(`unreplicated-${i}`);
  run.to(6500);
  run.do({ type: 'killBroker', brokerId: leader });
  for (const id of followers) run.do({ type: 'healBroker', brokerId: id });
  run.to(14_000);
  for (let i = 0; i < 5; i++) produce(`after-${i}`);
  run.to(17_000);
  run.do({ type: 'restartBroker', brokerId: leader });
  run.to(30_000);
  return { run, oldLeader: leader, followers };
}

describe('the leader dies before its followers fetch', () => {
  it('acks=1: acknowledged records are lost and log.truncated says which', () => {
    const { run, oldLeader, followers } = leaderDiesBeforeFollowersFetch('1');
    const acked = run.all('record.acked');
    const unreplicated = acked.filter((a) => a.value.startsWith('unreplicated-'));
    // The leader acknowledged all five while the followers were cut off.
    expect(unreplicated.map((a) => a.offset)).toEqual([3, 4, 5, 6, 7]);
    expect(Math.max(...unreplicated.map((a) => a.t))).toBeLessThan(6500);

    const election = run
      .all('partition.leader-elected')
      .find((e) => e.previousLeader === oldLeader && e.leaderEpoch === 1);
    expect(election?.unclean).toBe(false);
    expect(followers).toContain(election!.leader);

    // The returning old leader truncates them away.
    const truncations = run.all('log.truncated').filter((e) => e.brokerId === oldLeader);
    expect(truncations).toHaveLength(1);
    expect(truncations[0]).toMatchObject({ fromOffset: 3, toOffset: 8 });
    expect(truncations[0].lostAcked.map((r) => r.offset)).toEqual([3, 4, 5, 6, 7]);

    // Their offsets now hold other records: acknowledged data is gone from every replica.
    expect(missingAcked(run.engine, acked)).toEqual(unreplicated);
    const log = wholeLog(run.engine, 't', 0).map((r) => r.value);
    expect(log).toEqual([
      'before-0',
      'before-1',
      'before-2',
      ...[0, 1, 2, 3, 4].map((i) => `after-${i}`),
    ]);
  });

  it('acks=all: the same fault loses no acknowledged record', () => {
    const { run } = leaderDiesBeforeFollowersFetch('all');
    const acked = run.all('record.acked');
    // Nothing was acknowledged while the followers were cut off: the HW could not pass it.
    expect(acked.filter((a) => a.t > 5000 && a.t < 6500)).toEqual([]);
    // The producer retried after the failover, so every record is acknowledged in the end.
    expect(acked.map((a) => a.value).sort()).toEqual(
      [
        ...['before-0', 'before-1', 'before-2'],
        ...[0, 1, 2, 3, 4].flatMap((i) => [`unreplicated-${i}`, `after-${i}`]),
      ].sort(),
    );
    expect(missingAcked(run.engine, acked)).toEqual([]);
  });

  // log.truncated.lostAcked is "the removed records that some producer had been told were
  // written". With acks=all the old leader's suffix was never acknowledged (its HW stayed at 3);
  // the producer's retries were acknowledged at the new leader, and those records survive.
  it('acks=all: the old leader truncates its unacknowledged suffix and reports no lost ack', () => {
    const { run, oldLeader } = leaderDiesBeforeFollowersFetch('all');
    const truncations = run.all('log.truncated').filter((e) => e.brokerId === oldLeader);
    expect(truncations.length).toBeGreaterThan(0);
    expect(truncations.flatMap((e) => e.lostAcked)).toEqual([]);
  });
});
