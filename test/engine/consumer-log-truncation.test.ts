// KIP-320: a consumer detects log truncation (Kafka's SubscriptionState.maybeValidatePosition /
// maybeCompleteValidation). After an unclean election the new leader's log is shorter than what
// the consumer has read; the consumer asks the new leader where the epoch of its last record
// ends (OffsetsForLeaderEpoch) and resumes at that divergence point, so it reads every record
// the new leader writes, instead of resetting by auto.offset.reset. With auto.offset.reset=none
// it stops with LogTruncationException.
import { describe, expect, it } from 'vitest';
import { partitionOf, Run, scenario } from './helpers';

/**
 * t-0 has replicas L (leader) and F. F stops; L alone takes 5 more records, which the consumer
 * reads; L crashes; F comes back and is elected uncleanly (its log ends at offset 2); 5 new
 * records are written to F at offsets 2..6.
 */
function uncleanUnderAConsumer(resetPolicy: 'latest' | 'none', restartConsumer = false) {
  const run = new Run(
    scenario({
      seed: 4,
      cluster: { brokers: 3, config: { 'unclean.leader.election.enable': true } },
      topics: [{ name: 't', partitions: 1, replicationFactor: 2 }],
      producers: [
        {
          id: 'p',
          topic: 't',
          ratePerSec: 0,
          config: { acks: 'all', 'enable.idempotence': false },
        },
      ],
      groups: [{ id: 'g', topics: ['t'], consumers: 1 }],
    }),
  );
  const produce = (value: string) => run.do({ type: 'produce', producerId: 'p', key: null, value });
  run.to(8000);
  const { leader, replicas } = partitionOf(run.engine, 't', 0);
  const follower = replicas.find((id) => id !== leader)!;
  produce('both-0');
  produce('both-1');
  run.to(10_000);
  run.do({ type: 'stopBroker', brokerId: follower }).to(14_000);
  for (let i = 0; i < 5; i++) produce(`alone-${i}`);
  run.to(18_000);
  // Down while the log is rewritten: it comes back to its committed offset (and leader epoch).
  if (restartConsumer) run.do({ type: 'killConsumer', consumerId: 'g-1' });
  // The policy that matters from here (the consumer started with latest, at offset 0).
  run.do({
    type: 'setConfig',
    scope: 'group',
    id: 'g',
    key: 'auto.offset.reset',
    value: resetPolicy,
  });
  run.do({ type: 'killBroker', brokerId: leader }).to(26_000);
  run.do({ type: 'restartBroker', brokerId: follower }).to(32_000);
  for (let i = 0; i < 5; i++) produce(`after-${i}`);
  run.to(40_000);
  if (restartConsumer) run.do({ type: 'restartConsumer', consumerId: 'g-1' });
  run.to(70_000);
  return { run, leader, follower };
}

const consumedValues = (run: Run) =>
  run.all('record.consumed').map((e) => `${e.offset}:${e.value}`);

describe('a consumer after an unclean election (KIP-320)', () => {
  it('resumes at the divergence point and reads every record the new leader wrote', () => {
    const { run, follower } = uncleanUnderAConsumer('latest');
    const elected = run.all('partition.leader-elected').find((e) => e.unclean);
    expect(elected).toMatchObject({ leader: follower });
    const before = consumedValues(run).filter((v) => v.includes('alone'));
    expect(before).toEqual(['2:alone-0', '3:alone-1', '4:alone-2', '5:alone-3', '6:alone-4']);
    const detected = run.all('consumer.log-truncation');
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({ offset: 7, divergentOffset: 2, resetPolicy: 'latest' });
    const reset = run.all('offset.reset').filter((e) => e.reason.code === 'log-truncation');
    expect(reset).toHaveLength(1);
    expect(reset[0]).toMatchObject({ offset: 2, reason: { code: 'log-truncation', from: 7 } });
    const after = consumedValues(run).filter((v) => v.includes('after'));
    expect(after).toEqual(['2:after-0', '3:after-1', '4:after-2', '5:after-3', '6:after-4']);
  });

  it('validates a committed offset with its leader epoch too: a restarted consumer resumes at the divergence point', () => {
    const { run } = uncleanUnderAConsumer('latest', true);
    expect(run.all('offset.committed').some((e) => e.offset === 7)).toBe(true);
    const detected = run.all('consumer.log-truncation');
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({ offset: 7, divergentOffset: 2 });
    const after = consumedValues(run).filter((v) => v.includes('after'));
    expect(after).toEqual(['2:after-0', '3:after-1', '4:after-2', '5:after-3', '6:after-4']);
  });

  it('with auto.offset.reset=none, stops on the partition (LogTruncationException)', () => {
    const { run } = uncleanUnderAConsumer('none');
    const detected = run.all('consumer.log-truncation');
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({ offset: 7, divergentOffset: 2, resetPolicy: 'none' });
    expect(run.all('offset.reset').filter((e) => e.reason.code === 'log-truncation')).toEqual([]);
    expect(consumedValues(run).filter((v) => v.includes('after'))).toEqual([]);
  });
});
