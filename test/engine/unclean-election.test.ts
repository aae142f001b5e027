// Unclean leader election (kafka-spec 3.7, 4.1, 4.2): when no ISR member is alive the
// partition stays offline, unless unclean.leader.election.enable lets an out-of-sync replica
// lead, which loses every record it lacks, acknowledged or not. Same seed, same commands, one
// config flag apart.
import { describe, expect, it } from 'vitest';
import { missingAcked, partitionOf, Run, scenario, wholeLog } from './helpers';

/**
 * t-0 has two replicas, L (leader) and F. F stops gracefully and leaves the ISR; L alone takes
 * three acks=all writes (min.insync.replicas 1); then L crashes: no ISR member is alive. F comes
 * back first, L later.
 */
function lastIsrMemberDies(unclean: boolean) {
  const run = new Run(
    scenario({
      seed: 4,
      cluster: { brokers: 3, config: { 'unclean.leader.election.enable': unclean } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 2 }],
      producers: [
        // Without idempotence, so that the unclean leader's new records are not refused for
        // their sequence numbers (what Kafka does then is beside the point here).
        {
          id: 'p',
          topic: 't',
          ratePerSec: 0,
          config: { acks: 'all', 'enable.idempotence': false },
        },
      ],
    }),
  );
  const produce = (value: string) => run.do({ type: 'produce', producerId: 'p', key: null, value });
  run.to(3000);
  const { leader, replicas } = partitionOf(run.engine, 't', 0);
  const follower = replicas.find((id) => id !== leader)!;
  produce('both-0');
  produce('both-1');
  run.to(5000);
  run.do({ type: 'stopBroker', brokerId: follower }).to(9000);
  for (let i = 0; i < 3; i++) produce(`alone-${i}`);
  run.to(12_000);
  run.do({ type: 'killBroker', brokerId: leader }).to(20_000);
  run.do({ type: 'restartBroker', brokerId: follower }).to(26_000);
  const whileOnlyFollowerUp = partitionOf(run.engine, 't', 0);
  for (let i = 0; i < 3; i++) produce(`after-${i}`);
  run.to(32_000);
  run.do({ type: 'restartBroker', brokerId: leader }).to(50_000);
  return { run, leader, follower, whileOnlyFollowerUp };
}

describe('the last ISR member dies', () => {
  it('with unclean election off, the partition stays offline until an ISR member returns', () => {
    const { run, leader, follower, whileOnlyFollowerUp } = lastIsrMemberDies(false);
    const offline = run.all('partition.offline');
    expect(offline).toHaveLength(1);
    expect(offline[0]).toMatchObject({ topic: 't', partition: 0, previousLeader: leader });
    // The out-of-sync follower is back but may not lead.
    expect(whileOnlyFollowerUp).toMatchObject({ offline: true, leader: -1 });
    const elections = run.all('partition.leader-elected').filter((e) => e.t > offline[0].t);
    expect(elections[0]).toMatchObject({ leader, unclean: false });
    expect(elections.some((e) => e.leader === follower && e.unclean)).toBe(false);
  });

  it('with unclean election on, the out-of-sync follower leads at once', () => {
    const { run, follower, whileOnlyFollowerUp } = lastIsrMemberDies(true);
    expect(whileOnlyFollowerUp).toMatchObject({ offline: false, leader: follower });
    const unclean = run.all('partition.leader-elected').filter((e) => e.unclean);
    expect(unclean).toHaveLength(1);
    expect(unclean[0]).toMatchObject({ leader: follower, isr: [follower] });
    expect(whileOnlyFollowerUp.leaderHistory.at(-1)).toMatchObject({
      leader: follower,
      unclean: true,
    });
  });

  it('unclean election loses the acknowledged records that the clean one keeps', () => {
    const clean = lastIsrMemberDies(false).run;
    const dirty = lastIsrMemberDies(true);

    const cleanAcked = clean.all('record.acked');
    expect(cleanAcked.map((a) => a.value)).toContain('alone-2');
    expect(missingAcked(clean.engine, cleanAcked)).toEqual([]);

    const dirtyAcked = dirty.run.all('record.acked');
    const lost = missingAcked(dirty.run.engine, dirtyAcked);
    expect(lost.map((a) => [a.offset, a.value])).toEqual([
      [2, 'alone-0'],
      [3, 'alone-1'],
      [4, 'alone-2'],
    ]);
    // The returning old leader truncates them, and says they had been acknowledged.
    const truncated = dirty.run.all('log.truncated').filter((e) => e.brokerId === dirty.leader);
    expect(truncated.flatMap((e) => e.lostAcked.map((r) => r.offset))).toEqual([2, 3, 4]);
    // Their offsets were reused by the records written under the unclean leader.
    expect(wholeLog(dirty.run.engine, 't', 0).map((r) => r.value)).toEqual([
      'both-0',
      'both-1',
      'after-0',
      'after-1',
      'after-2',
    ]);
  });
});
